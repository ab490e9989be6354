import { defineCapability } from '../capability.ts';

// Outbound HTTP clients (the global `fetch` needs no import and is recognised by pattern).
export default defineCapability({
  id: 'http-client',
  description: 'Outbound HTTP clients',
  libraries: {
    js: ['axios', 'got', 'ky', 'undici', 'node-fetch', 'superagent', 'needle', 'ofetch', '@nestjs/axios', 'cross-fetch', 'isomorphic-fetch', 'request', 'phin', 'wretch', 'redaxios', 'make-fetch-happen'],
    python: ['requests', 'httpx', 'aiohttp', 'urllib3'],
    // `net/http` is the standard library (needs no Gemfile entry); rest-client is required as `rest-client` or `rest_client`.
    // Ruby gems are also named by their constants (`Faraday.new`, `HTTParty.get`): Rails loads them with Bundler.require.
    ruby: [
      { package: 'faraday', imports: ['faraday', 'Faraday'] },
      { package: 'httparty', imports: ['httparty', 'HTTParty'] },
      { package: 'excon', imports: ['excon', 'Excon'] },
      { package: 'typhoeus', imports: ['typhoeus', 'Typhoeus'] },
      { package: 'http', imports: ['http', 'HTTP'] },
      'net/http',
      { package: 'rest-client', imports: ['rest-client', 'rest_client', 'RestClient'] },
    ],
    // Laravel's Http facade wraps Guzzle; Symfony HttpClient is named by component or contract.
    php: [
      { package: 'guzzlehttp/guzzle', imports: ['GuzzleHttp'] },
      { package: 'symfony/http-client', imports: ['Symfony\\Component\\HttpClient', 'Symfony\\Contracts\\HttpClient'] },
      { package: 'laravel/framework', imports: ['Illuminate\\Support\\Facades\\Http', 'Illuminate\\Http\\Client'] },
    ],
  },
});

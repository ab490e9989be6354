import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'cors',
  description: 'Cross-origin resource sharing middleware',
  libraries: {
  "js": [
    "cors",
    "@fastify/cors",
    "fastify-cors",
    "@koa/cors",
    "kcors"
  ],
  "python": [
    {
      "package": "django-cors-headers",
      "imports": [
        "corsheaders"
      ]
    },
    {
      "package": "flask-cors",
      "imports": [
        "flask_cors"
      ]
    }
  ],
  "ruby": [
    { "package": "rack-cors", "imports": ["rack/cors", "Rack::Cors"] }
  ],
  // Laravel 9+ ships HandleCors (config/cors.php); fruitcake/laravel-cors before that.
  "php": [
    { "package": "fruitcake/laravel-cors", "imports": ["Fruitcake\\Cors"] },
    { "package": "fruitcake/php-cors", "imports": ["Fruitcake\\Cors"] },
    { "package": "nelmio/cors-bundle", "imports": ["Nelmio\\CorsBundle"] },
    { "package": "laravel/framework", "imports": ["Illuminate\\Http\\Middleware\\HandleCors"] }
  ]
},
});

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
  ]
},
});

/* global window */
// Starts Swagger UI on /public/docs with our own document; served as a file (no inline script).
window.addEventListener('load', function () {
  window.SwaggerUIBundle({
    url: '/public/v1/openapi.json',
    dom_id: '#api-reference',
    deepLinking: true,
    validatorUrl: null,
  })
})

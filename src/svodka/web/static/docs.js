// Starts Swagger UI (its files come from the swagger-ui-bundle wheel, served at /docs/assets).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });

"""The API's routes, one module per resource; each route is a thin call into `assistant/`."""

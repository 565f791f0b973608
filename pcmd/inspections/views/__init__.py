"""Pages of the inspections app, thin: selector (404 outside the jurisdiction), policy, form, service."""

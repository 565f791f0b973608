"""Planning pages, thin: a selector (404 outside the jurisdiction), a form, a service. The services decide;
buttons are only offered where the policies allow, and a service's ValidationError comes back onto its form.

One module per group of pages; urls.py imports them by name."""

"""Staff console: a separate web app for reviewing conversations (login required)."""

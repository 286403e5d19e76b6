"""One module per screen; each renders the session and forwards presses to the controller."""

"""Build-time code that turns the assessment package into site assets."""

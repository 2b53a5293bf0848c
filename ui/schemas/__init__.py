"""What the faces receive (`requests`) and send out (`responses`), as typed models."""

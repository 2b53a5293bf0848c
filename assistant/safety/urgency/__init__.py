"""Danger to life or safety, detected before anything else, and answered with 112 first."""

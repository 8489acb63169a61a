//! Mentions, resolution and stance inference.

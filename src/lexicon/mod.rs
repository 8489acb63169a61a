//! Actor packs and cue packs: loading, validation, matchers.

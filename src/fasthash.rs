//! Hash maps and sets with a fast, fixed-seed hasher.
//!
//! Extraction hashes millions of short keys (actor ids, words, evidence
//! fingerprints); std's SipHash, built to resist hash flooding, cost about 9%
//! of all instructions. Keys here come from our own packs or are few per
//! article, so flooding is no threat. The seed is fixed so that nothing can
//! depend on a per-process random order.

use foldhash::fast::FixedState;

/// A `HashMap` with the fast fixed-seed hasher.
pub type FastMap<K, V> = std::collections::HashMap<K, V, FixedState>;
/// A `HashSet` with the fast fixed-seed hasher.
pub type FastSet<K> = std::collections::HashSet<K, FixedState>;

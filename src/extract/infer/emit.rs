//! From roles to stances: the holders and objects the other layers found
//! become (holder, object) pairs, and each pair an [`Assertion`] with the
//! evidence of its sentence and cue. Kept apart so that how roles map to
//! directed edges is decided in one place.

use super::rules::Hit;
use super::view::SentenceView;
use crate::graph::{Assertion, EvidenceJson};

/// Each holder with each object; both ways round for a mutual relation.
pub(super) fn cross_pairs(
    sources: &[String],
    targets: &[String],
    mutual: bool,
    out: &mut Vec<(String, String)>,
) {
    for s in sources {
        for t in targets {
            out.push((s.clone(), t.clone()));
            if mutual {
                out.push((t.clone(), s.clone()));
            }
        }
    }
}

/// Each holder with each forced object that is not a holder too: the
/// pairs of a hit whose roles were turned (see `turn_roles`).
pub(super) fn forced_pairs(sources: &[String], forced: &[String]) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for s in sources {
        for t in forced.iter().filter(|t| !sources.contains(t)) {
            pairs.push((s.clone(), t.clone()));
        }
    }
    pairs
}

/// Every two of `ids` (in both directions, or the first towards the
/// second only).
pub(super) fn all_pairs(ids: &[String], both_directions: bool, out: &mut Vec<(String, String)>) {
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            out.push((a.clone(), b.clone()));
            if both_directions {
                out.push((b.clone(), a.clone()));
            }
        }
    }
}

impl<'a, 'c> SentenceView<'a, 'c> {
    /// One assertion per pair of distinct actors, with the evidence of
    /// the hit: the sentence and cue in the original text. A statement this
    /// sentence has already made is not made twice (`first_here` is where
    /// this sentence's statements start in `out`).
    pub(super) fn emit(
        &self,
        hit: &Hit<'_>,
        pairs: Vec<(String, String)>,
        first_here: usize,
        out: &mut Vec<Assertion>,
    ) {
        let (cue, rule) = (hit.cue, hit.rule);
        let (cue_start, cue_end) = self.ctx.norm.orig_span(cue.start, cue.end);
        let (sent_start, sent_end) = self
            .ctx
            .norm
            .orig_span(self.sentence.start, self.sentence.end);
        let evidence = EvidenceJson {
            document: self.ctx.doc_id.to_string(),
            sentence: self.index,
            start: sent_start,
            end: sent_end,
            text: self.ctx.original[sent_start..sent_end].to_string(),
            cue: self.ctx.original[cue_start..cue_end].to_string(),
            cue_start,
            cue_end,
            event: rule.event.clone(),
            rule: rule.id.clone(),
            confidence: (hit.confidence * 1000.0).round() / 1000.0,
        };
        for (s, t) in pairs {
            if s == t {
                continue;
            }
            let a = Assertion {
                source: s,
                relation: hit.relation,
                target: t,
                evidence: evidence.clone(),
            };
            if !out[first_here..].contains(&a) {
                out.push(a);
            }
        }
    }
}

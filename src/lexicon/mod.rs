//! Actor packs and cue packs: the data the extractor interprets.
//!
//! Packs are TOML files under `data/`, embedded at build time so the binary
//! is self-contained; users add or override entries with their own files.

mod actors;
mod classes;
mod cues;
mod matcher;
pub mod morph;
mod pack;

pub use actors::{
    Actor, ActorBase, Context, Form, PackSource, Person, RefKind, Target, VerbalNouns,
};
pub use classes::{ClassTable, PredicateClass, CLASSES};
pub use cues::{expand_cue, CueBase, CueKind, CueRule, Frames, OnNegation, SourceSlot, TargetSlot};
pub use matcher::{token_at, Edge, Hit, PhraseMatcher, PhraseMatcherBuilder};
pub use pack::{parse_pack, PackFile, KINDS};

use crate::error::Result;

/// The embedded actor packs, in load order.
pub const ACTOR_PACKS: &[(&str, &str)] = &[
    (
        "data/actors/world.toml",
        include_str!("../../data/actors/world.toml"),
    ),
    (
        "data/actors/igo.toml",
        include_str!("../../data/actors/igo.toml"),
    ),
    (
        "data/actors/persons.toml",
        include_str!("../../data/actors/persons.toml"),
    ),
    (
        "data/actors/media.toml",
        include_str!("../../data/actors/media.toml"),
    ),
    (
        "data/actors/libya.toml",
        include_str!("../../data/actors/libya.toml"),
    ),
    (
        "data/actors/conflicts/common.toml",
        include_str!("../../data/actors/conflicts/common.toml"),
    ),
    (
        "data/actors/conflicts/sudan.toml",
        include_str!("../../data/actors/conflicts/sudan.toml"),
    ),
    (
        "data/actors/conflicts/yemen.toml",
        include_str!("../../data/actors/conflicts/yemen.toml"),
    ),
    (
        "data/actors/conflicts/syria.toml",
        include_str!("../../data/actors/conflicts/syria.toml"),
    ),
    (
        "data/actors/conflicts/lebanon.toml",
        include_str!("../../data/actors/conflicts/lebanon.toml"),
    ),
    (
        "data/actors/conflicts/gaza.toml",
        include_str!("../../data/actors/conflicts/gaza.toml"),
    ),
    (
        "data/actors/conflicts/iraq.toml",
        include_str!("../../data/actors/conflicts/iraq.toml"),
    ),
    (
        "data/actors/conflicts/ethiopia.toml",
        include_str!("../../data/actors/conflicts/ethiopia.toml"),
    ),
    (
        "data/actors/conflicts/somalia.toml",
        include_str!("../../data/actors/conflicts/somalia.toml"),
    ),
    (
        "data/actors/conflicts/sahel.toml",
        include_str!("../../data/actors/conflicts/sahel.toml"),
    ),
    (
        "data/actors/conflicts/ukraine.toml",
        include_str!("../../data/actors/conflicts/ukraine.toml"),
    ),
    (
        "data/actors/roles.toml",
        include_str!("../../data/actors/roles.toml"),
    ),
    (
        "data/actors/unlisted.toml",
        include_str!("../../data/actors/unlisted.toml"),
    ),
    (
        "data/actors/stance_nouns.toml",
        include_str!("../../data/actors/stance_nouns.toml"),
    ),
];

/// The embedded cue packs.
pub const CUE_PACKS: &[(&str, &str)] = &[
    ("data/cues/ar.toml", include_str!("../../data/cues/ar.toml")),
    ("data/cues/en.toml", include_str!("../../data/cues/en.toml")),
    (
        "data/cues/ar-events.toml",
        include_str!("../../data/cues/ar-events.toml"),
    ),
    (
        "data/cues/en-events.toml",
        include_str!("../../data/cues/en-events.toml"),
    ),
];

/// Everything the extractor knows: actors and cues.
#[derive(Debug, Clone)]
pub struct Knowledge {
    /// Actors, persons, context words.
    pub actors: ActorBase,
    /// Stance rules and closed word classes.
    pub cues: CueBase,
}

impl Knowledge {
    /// The embedded packs only.
    pub fn embedded() -> Result<Knowledge> {
        Knowledge::with_user_packs(&[], &[])
    }

    /// The embedded packs plus user actor packs and cue packs (name, text),
    /// applied in order after the embedded ones.
    pub fn with_user_packs(
        actor_packs: &[(String, String)],
        cue_packs: &[(String, String)],
    ) -> Result<Knowledge> {
        let mut sources: Vec<PackSource<'_>> = ACTOR_PACKS
            .iter()
            .map(|(name, text)| PackSource {
                name: name.to_string(),
                text,
            })
            .collect();
        sources.extend(actor_packs.iter().map(|(name, text)| PackSource {
            name: name.clone(),
            text,
        }));
        let mut cue_sources: Vec<(String, &str)> = CUE_PACKS
            .iter()
            .map(|(name, text)| (name.to_string(), *text))
            .collect();
        cue_sources.extend(cue_packs.iter().map(|(n, t)| (n.clone(), t.as_str())));
        let cues = CueBase::load(&cue_sources)?;
        let verbal_nouns = VerbalNouns {
            en: cues.verbal_nouns_en(),
            ar: cues.verbal_nouns_ar(),
        };
        let actors = ActorBase::load_with_verbal_nouns(&sources, &verbal_nouns)?;
        Ok(Knowledge { actors, cues })
    }
}

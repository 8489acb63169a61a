//! Predicate classes: the stance a kind of predicate gives, declared once.
//!
//! A rule in a cue pack adds vocabulary to a class (its `event`); the class
//! says which relation that vocabulary signals and whether it runs both
//! ways, so that two rules of one class cannot disagree, and the
//! construction matrix (`tests/matrix.rs`) can put one sample predicate of
//! each class into every construction the engine handles.

use crate::error::{Error, Result};
use crate::fasthash::FastMap;
use crate::model::Relation;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The embedded class table.
pub const CLASSES: (&str, &str) = (
    "data/cues/classes.toml",
    include_str!("../../data/cues/classes.toml"),
);

/// One predicate class as written in `classes.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredicateClass {
    /// The name rules give as their `event`.
    pub name: String,
    /// `supports`, `opposes` or `negotiates-with`.
    pub relation: String,
    /// Both parties hold the stance towards each other (clashes, talks).
    #[serde(default)]
    pub mutual: bool,
    /// An act of the class with no object named ("Haftar launched an
    /// offensive", "رفض الدبيبة تسليم السلطة") is aimed at the other of the
    /// two sides the article has established, when its holder is one.
    #[serde(default)]
    pub at_other_side: bool,
    /// Role names, for documentation: `agent` holds the stance, `target`
    /// receives it, `parties` relate to each other.
    #[serde(default)]
    pub roles: Vec<String>,
    /// The event-coder families (CAMEO, PLOVER) the class covers.
    #[serde(default)]
    pub families: Vec<String>,
    /// Sample forms per language code, for the construction matrix.
    #[serde(default)]
    pub sample: BTreeMap<String, BTreeMap<String, toml::Value>>,
    /// Parsed relation (filled on load).
    #[serde(skip)]
    pub relation_parsed: Option<Relation>,
}

impl PredicateClass {
    /// The class's relation.
    pub fn relation(&self) -> Relation {
        self.relation_parsed.unwrap_or(Relation::Supports)
    }

    /// A sample form (`past`, `noun`, …) in a language, if the class gives it.
    pub fn sample(&self, lang: &str, key: &str) -> Option<String> {
        match self.sample.get(lang)?.get(key)? {
            toml::Value::String(s) => Some(s.clone()),
            toml::Value::Boolean(true) => Some(String::new()),
            _ => None,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClassFile {
    #[serde(default)]
    class: Vec<PredicateClass>,
}

/// All predicate classes, by name.
#[derive(Debug, Clone, Default)]
pub struct ClassTable {
    /// Classes in file order.
    pub classes: Vec<PredicateClass>,
    by_name: FastMap<String, usize>,
}

impl ClassTable {
    /// Loads class files (name, text) in order; a later class of the same
    /// name replaces an earlier one (a user's file overrides the embedded).
    pub fn load(sources: &[(String, &str)]) -> Result<ClassTable> {
        let mut table = ClassTable::default();
        for (path, text) in sources {
            let file: ClassFile = super::pack::parse_toml(
                path,
                text,
                "expected [[class]] tables (see docs/PACKS.md)",
            )?;
            table.add(path, text, file.class)?;
        }
        Ok(table)
    }

    /// Adds the classes of one file (its path and text name the culprit of
    /// an error); a class of a known name replaces the earlier one.
    pub fn add(&mut self, path: &str, text: &str, classes: Vec<PredicateClass>) -> Result<()> {
        for mut class in classes {
            let relation = Relation::from_name(&class.relation)
                .filter(|r| *r != Relation::MemberOf)
                .ok_or_else(|| Error::Data {
                    path: path.to_string(),
                    line: super::pack::line_of(text, &format!("\"{}\"", class.name)),
                    what: format!(
                        "class '{}': unknown relation '{}'",
                        class.name, class.relation
                    ),
                    hint: "expected one of: supports, opposes, negotiates-with".into(),
                })?;
            class.relation_parsed = Some(relation);
            match self.by_name.get(&class.name) {
                Some(&i) => self.classes[i] = class,
                None => {
                    self.by_name.insert(class.name.clone(), self.classes.len());
                    self.classes.push(class);
                }
            }
        }
        Ok(())
    }

    /// The embedded table.
    pub fn embedded() -> Result<ClassTable> {
        ClassTable::load(&[(CLASSES.0.to_string(), CLASSES.1)])
    }

    /// The class of this name.
    pub fn get(&self, name: &str) -> Option<&PredicateClass> {
        self.by_name.get(name).map(|&i| &self.classes[i])
    }

    /// All class names, comma-separated (for error hints).
    pub fn names(&self) -> String {
        let names: Vec<&str> = self.classes.iter().map(|c| c.name.as_str()).collect();
        names.join(", ")
    }
}

//! Cue packs: the stance rules, one TOML file per language.
//!
//! Each rule names its cue words, the relation and finer event it signals,
//! where its source and target stand, what a negation does to it, and its
//! own example sentences, which a test runs (see `tests/rules.rs`).

use super::classes::{ClassTable, PredicateClass};
use super::matcher::{Edge, PhraseMatcher, PhraseMatcherBuilder};
use super::morph::{self, Role};
use crate::error::{Error, Result};
use crate::fasthash::FastSet;
use crate::model::{Lang, Relation};
use crate::text::normalize;
use serde::Deserialize;

/// Where a rule finds the holder of the stance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceSlot {
    /// The clause subject: the nearest actor before the cue, else (verb-first
    /// Arabic) the first actor after it, else the quoted speaker.
    Subject,
    /// The agent of a passive: the actor after `by` / `من`.
    Agent,
    /// Only the quoted speaker (epithets such as "the invaders").
    Speaker,
    /// The source of the previous stance cue in the clause ("… against Y").
    Previous,
    /// The actor right before the cue ("X loyal to Y", "X التابعة لـ Y").
    Before,
    /// The first actor after the cue ("backed by X", "بوساطة X").
    After,
    /// The quoted speaker when there is one, else the clause subject
    /// (demands stated as nouns: "the withdrawal of X").
    SpeakerFirst,
    /// An agent noun said of an actor ("Turkey, the main backer of the GNA",
    /// "تعد مصر من أبرز داعمي حفتر", "Haftar's backers such as Egypt"): the
    /// actor the noun is predicated of or apposed to holds the stance, the
    /// noun's genitive or possessor receives it. Words between them come
    /// from the `apposition` and `noun_modifiers` frames; the holder may
    /// also follow an `instances` phrase ("such as", "مثل").
    Apposed,
    /// Only an actor right after the noun, as genitive or adjective
    /// ("الإمدادات الإماراتية"): a noun for a thing names its giver there or
    /// not at all, never the speaker who mentions it.
    Genitive,
    /// The actor nearest before the cue in its sentence, past asides: the
    /// subject of the verb a noun complements ("طالب رئيس الوزراء اليوناني،
    /// الذي …، بإلغاء الاتفاق"), whoever else spoke in the sentence before.
    Nearest,
}

/// Where a rule finds the actor the stance is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetSlot {
    /// The first actor after the cue (after the source when it follows the cue).
    After,
    /// The nearest actor before the cue (passives: "X, backed by Y").
    Before,
    /// The parties after `between` / `بين`, or the pair the subject names
    /// ("the two sides signed"): they relate to each other, and the subject,
    /// when it is someone else, to each of them.
    Between,
    /// The subject of the clause the cue stands in, for adverbial phrases
    /// ("… advanced with support from Turkey", "تقدمت قوات الوفاق بدعم من
    /// تركيا"): its first actor after the clause start or a complementizer,
    /// else the sentence's first actor.
    Subject,
}

/// What a negation before the cue does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum OnNegation {
    /// The statement says nothing: drop it.
    #[default]
    Drop,
    /// A refusal: "will not negotiate with" opposes.
    Opposes,
}

/// A rule as written in the pack.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueRule {
    /// Hierarchical id: `ar/opposes/reject`.
    pub id: String,
    /// `supports`, `opposes` or `negotiates-with`; may be left out, as the
    /// class (`event`) says it.
    #[serde(default)]
    pub relation: String,
    /// The predicate class the rule adds vocabulary to (`classes.toml`).
    pub event: String,
    /// Cue phrases that are verbs or fixed phrases. In English a trailing
    /// `+` on a word inflects it (`back+` → back, backs, backed, backing).
    /// In Arabic a verb may take its subject after it (verb-first order).
    #[serde(default)]
    pub cues: Vec<String>,
    /// Cue nouns (Arabic verbal nouns: ترحيب، رفض، انسحاب): an actor right
    /// after a noun is its object, never a verb-first subject…
    #[serde(default)]
    pub nouns: Vec<String>,
    /// …unless the noun takes its agent as genitive (ترحيب الجيش "the
    /// army's welcome"): then an actor right after it is the subject.
    #[serde(default)]
    pub genitive_agent: bool,
    /// Source slot.
    #[serde(default = "default_source")]
    pub source: SourceSlot,
    /// Target slot.
    #[serde(default = "default_target")]
    pub target: TargetSlot,
    /// Prepositions that introduce the target; later repeats after a
    /// coordinator ("or with") add more targets.
    #[serde(default)]
    pub preps: Vec<String>,
    /// Both directions hold (exchanged accusations).
    #[serde(default)]
    pub mutual: bool,
    /// Even-handed appeals to "both sides" are no stance: drop pair targets.
    #[serde(default)]
    pub no_pair_target: bool,
    /// The object of this cue is the subject of a stance cue in its
    /// complement ("accused X of backing Y", "urged X to arm Y", "اتهم X
    /// بدعم Y").
    #[serde(default)]
    pub controls: bool,
    /// With `target = "between"`: when the sentence names no parties, the
    /// two sides the article has established are the parties (mediation).
    #[serde(default)]
    pub fallback_pair: bool,
    /// With `target = "between"`: a joint act ("both sides nominated
    /// officers to the joint committee") relates its co-subjects only; one
    /// subject and an actor after the cue ("X, appointed adviser to the UN
    /// Secretary-General") are no parties to anything together.
    #[serde(default)]
    pub joint_only: bool,
    /// The slots read the roles the other way round: "pro-Haftar militias"
    /// finds Haftar after the cue (the `after` source) and the militias
    /// after him, and it is the militias that back Haftar.
    #[serde(default)]
    pub swap: bool,
    /// What negation does.
    #[serde(default)]
    pub negated: OnNegation,
    /// Words that must follow the cue in its clause (prefix match):
    /// "called on X to *withdraw*".
    #[serde(default)]
    pub requires: Vec<String>,
    /// Words that must precede the cue in its clause: "*fighting* … alongside".
    #[serde(default)]
    pub requires_before: Vec<String>,
    /// Words that, following the cue in its clause, make it another act:
    /// "حاربوا في صفوف قوات حفتر" fought on Haftar's side, not against him.
    #[serde(default)]
    pub excludes: Vec<String>,
    /// Words that, right before the cue (after their proclitics), make it
    /// the complement of another word, so the rule does not fire: "بدعم"
    /// after "المتهمة" is "accused of backing", no "with the support of".
    #[serde(default)]
    pub not_after: Vec<String>,
    /// Prepositions that introduce an origin ("من سوريا", "from Syria"):
    /// the actor after one is where something comes from, never the target.
    #[serde(default)]
    pub origins: Vec<String>,
    /// Confidence of one statement.
    #[serde(default = "default_confidence")]
    pub confidence: f64,
    /// `sentence => src relation tgt; …` lines that must hold.
    #[serde(default)]
    pub examples: Vec<String>,
    /// `sentence => src relation tgt` lines that must NOT hold.
    #[serde(default)]
    pub counter: Vec<String>,
    /// Parsed relation (filled on load).
    #[serde(skip)]
    pub relation_parsed: Option<Relation>,
    /// Normalised prepositions (filled on load).
    #[serde(skip)]
    pub preps_norm: Vec<String>,
    /// Language of the pack the rule came from (filled on load).
    #[serde(skip)]
    pub lang: Option<Lang>,
    /// From the class: with no object named, the act is aimed at the other
    /// of the article's two sides (filled on load).
    #[serde(skip)]
    pub at_other_side: bool,
}

fn default_source() -> SourceSlot {
    SourceSlot::Subject
}
fn default_target() -> TargetSlot {
    TargetSlot::After
}
fn default_confidence() -> f64 {
    0.8
}

impl CueRule {
    /// The rule's relation.
    pub fn relation(&self) -> Relation {
        self.relation_parsed.unwrap_or(Relation::Supports)
    }
}

/// Closed word classes the rules lean on.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frames {
    /// Reported-speech verbs and nouns (said, قال, statement).
    #[serde(default)]
    pub speech: Vec<String>,
    /// Attribution to a source (citing, نقلا عن, according to).
    #[serde(default)]
    pub attribution: Vec<String>,
    /// Negators (not, never, لا, لم, لن).
    #[serde(default)]
    pub negators: Vec<String>,
    /// Negations that follow what they negate (لم يعد ممكناً, impossible).
    #[serde(default)]
    pub negators_after: Vec<String>,
    /// Denials: what follows is not asserted (denied that, نفى).
    #[serde(default)]
    pub denial: Vec<String>,
    /// Conditionals and hedges: lower confidence (if, إذا, allegedly).
    #[serde(default)]
    pub conditional: Vec<String>,
    /// Words that join coordinated actors (and, or, و, أو, كل من).
    #[serde(default)]
    pub coordinators: Vec<String>,
    /// Adjectives a list member may carry before its name after the
    /// conjunction ("the LNA and western Libyan armed groups").
    #[serde(default)]
    pub member_modifiers: Vec<String>,
    /// Relative pronouns that open a parenthetical (which, الذي).
    #[serde(default)]
    pub relative: Vec<String>,
    /// Participles that open an aside after a comma as a relative pronoun
    /// does ("Haftar, backed by Egypt, …", "حفتر، المدعوم من مصر، …"): the
    /// actors inside are no subject of the verb after it.
    #[serde(default)]
    pub aside_openers: Vec<String>,
    /// Subject pronouns (it, he, أنه، إنها): a verb right after one has no
    /// named subject, so the speaker holds the stance.
    #[serde(default)]
    pub pronouns: Vec<String>,
    /// Possessive determiners (its, his, their): "X and its ally Y" links
    /// Y to X.
    #[serde(default)]
    pub possessives: Vec<String>,
    /// Words right after a relative pronoun that show its clause has no
    /// subject of its own, so the antecedent is the subject of a cue further
    /// on ("which *has* long backed"): auxiliaries and adverbs. (Arabic
    /// needs none: a resumptive pronoun on the clause's verb marks a clause
    /// with its own subject, "التي يتهمها".)
    #[serde(default)]
    pub subject_relative: Vec<String>,
    /// Complementizers (that, أن): after a denial and an aside between
    /// commas ("نفت أنقرة، في بيان، أن …"), what they open is still denied.
    #[serde(default)]
    pub complementizers: Vec<String>,
    /// Indefinite subjects ("من يسلح", "whoever"): the verb after them has no
    /// stance holder.
    #[serde(default)]
    pub indefinite: Vec<String>,
    /// Words right before a speech verb that continue the previous speaker
    /// ("the statement said", "he added").
    #[serde(default)]
    pub carry_before: Vec<String>,
    /// Words right after a speech verb that show it has no named subject
    /// ("وقالت في بيان", "وأضاف أن").
    #[serde(default)]
    pub carry_after: Vec<String>,
    /// Phrases that make the actor after them a co-subject ("as did X").
    #[serde(default)]
    pub co_subject: Vec<String>,
    /// Between (بين).
    #[serde(default)]
    pub between: Vec<String>,
    /// Phrases that look negative but are not ("still": لا يزال); matched
    /// only so that their negator is not.
    #[serde(default)]
    pub not_negation: Vec<String>,
    /// How many words may stand between a negator and its cue. A pack
    /// that leaves it out (one without `[frames]`) keeps the window of the
    /// packs before it.
    #[serde(default)]
    pub negation_window: Option<usize>,
    /// Agent markers of passives (by, من قبل).
    #[serde(default)]
    pub agent: Vec<String>,
    /// Auxiliaries of a passive ("was supplied by X"): with an agent
    /// after the cue, the agent holds the stance and the subject receives it.
    #[serde(default)]
    pub passive_aux: Vec<String>,
    /// Singular relative pronouns (الذي، التي): they hang on one noun, the
    /// last of a list before them.
    #[serde(default)]
    pub relative_singular: Vec<String>,
    /// Agent markers that make an Arabic verb before them passive ("قتل
    /// ستة من ثوار مصراتة على يد عناصر من التنظيم"): the unvocalised
    /// perfect is read either way.
    #[serde(default)]
    pub passive_agent: Vec<String>,
    /// Auxiliaries and particles that may stand between a relative pronoun
    /// and its verb ("which has also backed").
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    /// Nouns that make a cue right before them a modifier ("supply hub",
    /// "mediation efforts"): no statement.
    #[serde(default)]
    pub nominal_after: Vec<String>,
    /// Determiners that make an -ing cue after them a noun ("the fighting"):
    /// it states something only with a preposition after it.
    #[serde(default)]
    pub nominal_before: Vec<String>,
    /// Words that open an adverbial gerund ("while backing X"): its subject
    /// is that of the stance before it.
    #[serde(default)]
    pub subordinators: Vec<String>,
    /// Words that open another clause ("after", "while", فيما): the object
    /// of a cue is not looked for past one.
    #[serde(default)]
    pub clause_openers: Vec<String>,
    /// Stance prefixes of a compound ("pro-Haftar", "anti-Brotherhood"):
    /// the actor glued to one names the leaning of the noun after it.
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// Prepositions that open an object phrase ("strikes on the town",
    /// "غارات على مدن"), besides those the rules list: an act whose cue
    /// one closely follows names its object, actor or not.
    #[serde(default)]
    pub prepositions: Vec<String>,
    /// Route prepositions ("via Syria", "عبر سوريا"): the actor after one is
    /// a place passed through, no party to the stance.
    #[serde(default)]
    pub transit: Vec<String>,
    /// Receiving verbs ("received support from X", "حصلت على دعم من"): the
    /// stance of a support cue after one runs from the giver to the subject.
    #[serde(default)]
    pub receive: Vec<String>,
    /// Words and phrases that link an actor to an agent noun said of it:
    /// copulas, commas, partitives ("is", ",", "among", "تعد", "من أبرز").
    /// See `source = "apposed"`.
    #[serde(default)]
    pub apposition: Vec<String>,
    /// Words that may stand inside such a noun phrase: determiners,
    /// adjectives of rank and domain, the genitive preposition ("the",
    /// "main", "military", "of", "أبرز", "الرئيسي"). Anything that is
    /// neither breaks the link.
    #[serde(default)]
    pub noun_modifiers: Vec<String>,
    /// Phrases after which the actors named are instances of an agent noun
    /// ("backers of Haftar such as Egypt", "حلفاء حفتر مثل مصر").
    #[serde(default)]
    pub instances: Vec<String>,
    /// Phrases that mark the actor after them as the one an act is done
    /// for ("on behalf of Haftar", "لصالح قوات حفتر"): never the target
    /// of an opposing stance.
    #[serde(default)]
    pub beneficiary: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueFile {
    lang: String,
    #[serde(default)]
    frames: Frames,
    /// Classes a user pack adds or overrides.
    #[serde(default)]
    class: Vec<PredicateClass>,
    #[serde(default)]
    rule: Vec<CueRule>,
}

/// What a cue hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A stance rule's verb or phrase cue, by rule index.
    Rule(usize),
    /// A stance rule's noun cue, by rule index.
    Noun(usize),
    /// Reported speech.
    Speech,
    /// Attribution to a source.
    Attribution,
    /// Negator.
    Negator,
    /// Negation after the cue.
    NegatorAfter,
    /// Denial.
    Denial,
    /// Conditional or hedge.
    Conditional,
    /// Between.
    Between,
    /// Passive agent marker.
    Agent,
    /// A receiving verb (received, حصل على).
    Receive,
    /// A phrase that only shadows a negator (لا يزال).
    Inert,
}

/// All cue packs, compiled.
#[derive(Debug, Clone)]
pub struct CueBase {
    /// The predicate classes the rules belong to.
    pub classes: ClassTable,
    /// Rules of all languages.
    pub rules: Vec<CueRule>,
    /// Language of each rule.
    pub rule_langs: Vec<Lang>,
    matcher: PhraseMatcher,
    payloads: Vec<CueKind>,
    circumstantial: Vec<bool>,
    coordinators: FastSet<String>,
    member_modifiers: FastSet<String>,
    relative: FastSet<String>,
    aside_openers: FastSet<String>,
    pronouns: FastSet<String>,
    possessives: FastSet<String>,
    subject_relative: FastSet<String>,
    complementizers: FastSet<String>,
    carry_before: FastSet<String>,
    carry_after: FastSet<String>,
    indefinite: FastSet<String>,
    co_subject: Vec<String>,
    /// Negation window per language.
    windows: Vec<(Lang, usize)>,
    passive_aux: FastSet<String>,
    passive_agent: FastSet<String>,
    relative_singular: FastSet<String>,
    auxiliaries: FastSet<String>,
    transit: FastSet<String>,
    clause_openers: FastSet<String>,
    nominal_after: FastSet<String>,
    nominal_before: FastSet<String>,
    subordinators: FastSet<String>,
    /// The `prepositions` frame and every rule's prepositions of two
    /// letters or more: a word that opens an object phrase.
    prepositions: FastSet<String>,
    prefixes: FastSet<String>,
    apposition: Vec<Vec<String>>,
    noun_modifiers: Vec<Vec<String>>,
    instances: Vec<Vec<String>>,
    beneficiary: Vec<Vec<String>>,
    generated: Vec<(usize, String)>,
}

/// What a cue phrase expanded to: written as is, or generated from a lemma.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Generated {
    /// Written in the pack (or inflected with English `+`).
    Literal,
    /// A form generated from an Arabic lemma.
    Form(Role),
}

impl Generated {
    /// The payload kind, circumstantial flag and edge rule of a phrase of
    /// rule `ri`. Finite verbs and participles are verb cues (a participle
    /// takes the noun it modifies as subject, like a relative clause);
    /// verbal nouns are noun cues. Participles carry their endings and
    /// match exactly, so داعماً (circumstantial) is not داعم + ا.
    fn payload(self, ri: usize, noun: bool, circ: bool, edge: Edge) -> (CueKind, bool, Edge) {
        match self {
            Generated::Literal => (Self::kind(ri, noun), circ, edge),
            Generated::Form(Role::VerbalNoun) => (CueKind::Noun(ri), circ, edge),
            Generated::Form(Role::BarePerfect) => (CueKind::Rule(ri), circ, edge),
            Generated::Form(Role::Verb | Role::FirstPerson) => {
                (CueKind::Rule(ri), circ, Edge::Verb)
            }
            Generated::Form(Role::Circumstantial) => (CueKind::Rule(ri), true, Edge::Exact),
            Generated::Form(Role::Participle) => (CueKind::Rule(ri), circ, Edge::Exact),
        }
    }

    fn kind(ri: usize, noun: bool) -> CueKind {
        if noun {
            CueKind::Noun(ri)
        } else {
            CueKind::Rule(ri)
        }
    }
}

/// The phrases one cue entry stands for: an Arabic lemma (`دعم/I`) gives
/// its generated forms, anything else its English inflections.
fn cue_forms(
    cue: &str,
    noun: bool,
    lang: Lang,
    bad: &dyn Fn(String) -> Error,
) -> Result<Vec<(String, Generated)>> {
    if lang == Lang::Ar && cue.split_whitespace().any(morph::is_lemma) {
        let forms = morph::expand_phrase(cue, noun)
            .ok_or_else(|| bad(format!("malformed lemma in '{cue}'")))?;
        return Ok(forms
            .into_iter()
            .map(|(p, role)| (p, Generated::Form(role)))
            .collect());
    }
    let kind = Generated::Literal;
    Ok(expand_cue(cue).into_iter().map(|p| (p, kind)).collect())
}

/// English inflection of a word marked with `+`.
fn inflect(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    if let Some(stem) = word.strip_suffix('e') {
        out.extend([format!("{word}s"), format!("{word}d"), format!("{stem}ing")]);
    } else if let Some(stem) = word
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        out.extend([
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{word}ing"),
        ]);
    } else if word.ends_with(['s', 'x', 'z']) || word.ends_with("ch") || word.ends_with("sh") {
        out.extend([
            format!("{word}es"),
            format!("{word}ed"),
            format!("{word}ing"),
        ]);
    } else {
        out.extend([
            format!("{word}s"),
            format!("{word}ed"),
            format!("{word}ing"),
        ]);
    }
    out
}

/// Expands `back+ by` into its inflected phrases.
pub fn expand_cue(cue: &str) -> Vec<String> {
    let words: Vec<&str> = cue.split_whitespace().collect();
    let mut phrases = vec![String::new()];
    for w in words {
        let forms = match w.strip_suffix('+') {
            Some(stem) => inflect(stem),
            None => vec![w.to_string()],
        };
        phrases = phrases
            .iter()
            .flat_map(|p| {
                forms.iter().map(move |f| {
                    if p.is_empty() {
                        f.clone()
                    } else {
                        format!("{p} {f}")
                    }
                })
            })
            .collect();
    }
    phrases
}

/// The embedded classes plus those the packs declare, in order.
fn class_table(files: &mut [(&String, &str, CueFile)]) -> Result<ClassTable> {
    let mut table = ClassTable::embedded()?;
    for (name, text, file) in files.iter_mut() {
        table.add(name, text, std::mem::take(&mut file.class))?;
    }
    Ok(table)
}

impl CueBase {
    /// Loads cue packs (name, text) in order.
    pub fn load(sources: &[(String, &str)]) -> Result<CueBase> {
        let mut rules = Vec::new();
        let mut rule_langs = Vec::new();
        let mut builder = PhraseMatcherBuilder::default();
        let mut payloads = Vec::new();
        let mut circumstantial = Vec::new();
        let mut coordinators = FastSet::default();
        let mut member_modifiers = FastSet::default();
        let mut relative = FastSet::default();
        let mut aside_openers = FastSet::default();
        let mut pronouns = FastSet::default();
        let mut possessives = FastSet::default();
        let mut subject_relative = FastSet::default();
        let mut complementizers = FastSet::default();
        let mut carry_before = FastSet::default();
        let mut carry_after = FastSet::default();
        let mut indefinite = FastSet::default();
        let mut co_subject = Vec::new();
        let mut passive_aux = FastSet::default();
        let mut passive_agent = FastSet::default();
        let mut relative_singular = FastSet::default();
        let mut auxiliaries = FastSet::default();
        let mut transit = FastSet::default();
        let mut clause_openers = FastSet::default();
        let mut prepositions: FastSet<String> = FastSet::default();
        let mut prefixes = FastSet::default();
        let mut nominal_after = FastSet::default();
        let mut nominal_before = FastSet::default();
        let mut subordinators = FastSet::default();
        let mut apposition: Vec<Vec<String>> = Vec::new();
        let mut noun_modifiers: Vec<Vec<String>> = Vec::new();
        let mut instances: Vec<Vec<String>> = Vec::new();
        let mut beneficiary: Vec<Vec<String>> = Vec::new();
        let mut windows = Vec::new();
        let mut generated = Vec::new();
        // Rule phrases wait here until every literal form is known.
        // (phrase, payload, edge, for a generated form: rule, normalised
        // form, relation).
        type Pending = (String, usize, Edge, Option<(usize, String, String)>);
        let mut pending: Vec<Pending> = Vec::new();
        let mut literal: FastSet<(String, String)> = FastSet::default();
        let mut ids = FastSet::default();
        let mut files = Vec::new();
        for (name, text) in sources {
            let file: CueFile =
                super::pack::parse_toml(name, text, "expected a cue pack (see docs/PACKS.md)")?;
            files.push((name, *text, file));
        }
        let classes = class_table(&mut files)?;
        for (name, text, file) in files {
            let lang = Lang::from_code(&file.lang).ok_or_else(|| Error::Data {
                path: name.clone(),
                line: super::pack::line_of(text, "lang"),
                what: format!("unknown language '{}'", file.lang),
                hint: "expected ar or en".into(),
            })?;
            let edge = match lang {
                Lang::Ar => Edge::Suffixed,
                Lang::En => Edge::Exact,
            };
            let f = &file.frames;
            let mut frame = |words: &[String], kind: CueKind| {
                for w in words {
                    // "~مؤكداً", "~saying": a participle of the sentence's subject.
                    let (circ, w) = match w.strip_prefix('~') {
                        Some(rest) => (true, rest),
                        None => (false, w.as_str()),
                    };
                    // A negator is a whole word ("عدم" is not in "بعدما");
                    // its inflected forms are listed.
                    let edge = match kind {
                        CueKind::Negator => Edge::Exact,
                        _ => edge,
                    };
                    for phrase in expand_cue(w) {
                        let edge = match lang {
                            Lang::Ar => Edge::for_arabic(&phrase, edge),
                            Lang::En => edge,
                        };
                        payloads.push(kind);
                        circumstantial.push(circ);
                        builder.add(&phrase, payloads.len() - 1, edge);
                    }
                }
            };
            frame(&f.speech, CueKind::Speech);
            frame(&f.attribution, CueKind::Attribution);
            frame(&f.negators, CueKind::Negator);
            frame(&f.negators_after, CueKind::NegatorAfter);
            frame(&f.denial, CueKind::Denial);
            frame(&f.conditional, CueKind::Conditional);
            frame(&f.between, CueKind::Between);
            frame(&f.agent, CueKind::Agent);
            frame(&f.not_negation, CueKind::Inert);
            frame(&f.receive, CueKind::Receive);
            passive_aux.extend(f.passive_aux.iter().map(|w| normalize(w).text));
            passive_agent.extend(f.passive_agent.iter().map(|w| normalize(w).text));
            relative_singular.extend(f.relative_singular.iter().map(|w| normalize(w).text));
            auxiliaries.extend(f.auxiliaries.iter().map(|w| normalize(w).text));
            transit.extend(f.transit.iter().map(|w| normalize(w).text));
            prepositions.extend(f.prepositions.iter().map(|w| normalize(w).text));
            prefixes.extend(f.prefixes.iter().map(|w| normalize(w).text));
            clause_openers.extend(f.clause_openers.iter().map(|w| normalize(w).text));
            nominal_after.extend(f.nominal_after.iter().map(|w| normalize(w).text));
            nominal_before.extend(f.nominal_before.iter().map(|w| normalize(w).text));
            subordinators.extend(f.subordinators.iter().map(|w| normalize(w).text));
            let words = |p: &String| -> Vec<String> {
                normalize(p)
                    .text
                    .split_whitespace()
                    .map(str::to_string)
                    .collect()
            };
            apposition.extend(f.apposition.iter().map(words));
            noun_modifiers.extend(f.noun_modifiers.iter().map(words));
            instances.extend(f.instances.iter().map(words));
            beneficiary.extend(f.beneficiary.iter().map(words));
            coordinators.extend(f.coordinators.iter().map(|w| normalize(w).text));
            member_modifiers.extend(f.member_modifiers.iter().map(|w| normalize(w).text));
            relative.extend(f.relative.iter().map(|w| normalize(w).text));
            aside_openers.extend(f.aside_openers.iter().map(|w| normalize(w).text));
            pronouns.extend(f.pronouns.iter().map(|w| normalize(w).text));
            possessives.extend(f.possessives.iter().map(|w| normalize(w).text));
            subject_relative.extend(f.subject_relative.iter().map(|w| normalize(w).text));
            complementizers.extend(f.complementizers.iter().map(|w| normalize(w).text));
            carry_before.extend(f.carry_before.iter().map(|w| normalize(w).text));
            carry_after.extend(f.carry_after.iter().map(|w| normalize(w).text));
            indefinite.extend(f.indefinite.iter().map(|w| normalize(w).text));
            co_subject.extend(f.co_subject.iter().map(|w| normalize(w).text));
            if let Some(window) = f.negation_window {
                windows.push((lang, window));
            }
            let lines = super::pack::QuotedLines::new(text);
            for mut rule in file.rule {
                let line = lines.line(&rule.id);
                let bad = |what: String, hint: &str| Error::Data {
                    path: name.clone(),
                    line,
                    what,
                    hint: hint.to_string(),
                };
                if !ids.insert(rule.id.clone()) {
                    return Err(bad(
                        format!("duplicate rule id '{}'", rule.id),
                        "expected each rule id once",
                    ));
                }
                let written =
                    Relation::from_name(&rule.relation).filter(|r| *r != Relation::MemberOf);
                if !rule.relation.is_empty() && written.is_none() {
                    return Err(bad(
                        format!("unknown relation '{}'", rule.relation),
                        "expected one of: supports, opposes, negotiates-with",
                    ));
                }
                let class = classes.get(&rule.event).ok_or_else(|| {
                    bad(
                        format!("rule '{}': unknown class '{}'", rule.id, rule.event),
                        &format!("expected one of: {}", classes.names()),
                    )
                })?;
                let relation = class.relation();
                if written.is_some_and(|w| w != relation) {
                    return Err(bad(
                        format!(
                            "rule '{}': relation '{}' differs from its class '{}' ({})",
                            rule.id,
                            rule.relation,
                            class.name,
                            relation.name()
                        ),
                        "expected the class's relation, or none",
                    ));
                }
                // A mutual class (clashes, exchanged accusations) holds both ways.
                rule.mutual |= class.mutual && relation == Relation::Opposes;
                rule.at_other_side = class.at_other_side;
                if rule.cues.is_empty() && rule.nouns.is_empty() {
                    return Err(bad(
                        format!("rule '{}' has no cues", rule.id),
                        "expected cues = [\"…\"]",
                    ));
                }
                if !(0.0..=1.0).contains(&rule.confidence) {
                    return Err(bad(
                        format!("confidence {} out of range", rule.confidence),
                        "expected a number from 0 to 1",
                    ));
                }
                rule.relation_parsed = Some(relation);
                rule.preps_norm = rule.preps.iter().map(|p| normalize(p).text).collect();
                rule.requires = rule.requires.iter().map(|p| normalize(p).text).collect();
                rule.requires_before = rule
                    .requires_before
                    .iter()
                    .map(|p| normalize(p).text)
                    .collect();
                rule.not_after = rule.not_after.iter().map(|p| normalize(p).text).collect();
                rule.excludes = rule.excludes.iter().map(|p| normalize(p).text).collect();
                rule.origins = rule.origins.iter().map(|p| normalize(p).text).collect();
                rule.lang = Some(lang);
                let ri = rules.len();
                let verbs = rule.cues.iter().map(|c| (c, false));
                let bad = |what: String| {
                    bad(what, "expected a lemma such as دعم/I, أرسل/IV, دعم/I:دعم or دعم/I@passive (see docs/PACKS.md)")
                };
                for (cue, noun) in verbs.chain(rule.nouns.iter().map(|c| (c, true))) {
                    // A leading ~ marks a circumstantial participle (متهماً،
                    // accusing): its subject is the sentence's main subject.
                    let (circ, cue) = match cue.strip_prefix('~') {
                        Some(rest) => (true, rest),
                        None => (false, cue.as_str()),
                    };
                    for (phrase, form) in cue_forms(cue, noun, lang, &bad)? {
                        // The subject of a 1st person verb is the speaker:
                        // only a speaker rule ("we-back") reads it.
                        let speaker = rule.source == SourceSlot::Speaker;
                        if (form == Generated::Form(Role::FirstPerson)) != speaker
                            && form != Generated::Literal
                            && matches!(
                                form,
                                Generated::Form(Role::FirstPerson | Role::Verb | Role::BarePerfect)
                            )
                        {
                            continue;
                        }
                        let (kind, circ, edge) = form.payload(ri, noun, circ, edge);
                        payloads.push(kind);
                        circumstantial.push(circ);
                        let edge = match lang {
                            Lang::Ar if noun => Edge::for_arabic(&phrase, Edge::Noun),
                            Lang::Ar => Edge::for_arabic(&phrase, edge),
                            Lang::En => edge,
                        };
                        let key = normalize(&phrase)
                            .text
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ");
                        let generated = form != Generated::Literal;
                        if !generated {
                            literal.insert((key.clone(), rule.relation.clone()));
                        }
                        pending.push((
                            phrase,
                            payloads.len() - 1,
                            edge,
                            generated.then(|| (ri, key, rule.relation.clone())),
                        ));
                    }
                }
                rules.push(rule);
                rule_langs.push(lang);
            }
        }
        // A form written out in a rule of the same relation wins over a
        // generated one: a lemma in "back" does not take ندعم from "we-back"
        // nor داعم from the agent nouns, and a rule that lists a form besides
        // its lemma (a noun spelt like a verb) keeps the reading it gave.
        for (phrase, payload, edge, gen) in pending {
            if let Some((ri, key, relation)) = gen {
                if literal.contains(&(key.clone(), relation)) {
                    continue;
                }
                generated.push((ri, key));
            }
            builder.add(&phrase, payload, edge);
        }
        prepositions.extend(
            rules
                .iter()
                .flat_map(|r| r.preps_norm.iter())
                .filter(|p| p.chars().count() >= 2)
                .cloned(),
        );
        Ok(CueBase {
            prepositions,
            prefixes,
            classes,
            rules,
            rule_langs,
            matcher: builder.build(),
            payloads,
            circumstantial,
            coordinators,
            member_modifiers,
            relative,
            aside_openers,
            pronouns,
            possessives,
            subject_relative,
            complementizers,
            carry_before,
            carry_after,
            indefinite,
            co_subject,
            windows,
            passive_aux,
            passive_agent,
            relative_singular,
            auxiliaries,
            transit,
            clause_openers,
            nominal_after,
            nominal_before,
            subordinators,
            apposition,
            noun_modifiers,
            instances,
            beneficiary,
            generated,
        })
    }

    /// The forms generated from lemma cues (`دعم/I`), normalised, with
    /// their rule index: what the morphology test checks the matcher finds.
    pub fn generated_forms(&self) -> &[(usize, String)] {
        &self.generated
    }

    /// The Arabic rules' verbal nouns, written or generated from their
    /// lemmas, sorted and unique: each may take a demonym as its agent.
    pub fn verbal_nouns_ar(&self) -> Vec<String> {
        let lemma_nouns = |entry: &String, noun: bool| -> Vec<String> {
            if !entry.split_whitespace().any(morph::is_lemma) {
                return if noun {
                    vec![entry.clone()]
                } else {
                    Vec::new()
                };
            }
            morph::expand_phrase(entry, noun)
                .unwrap_or_default()
                .into_iter()
                .filter(|(_, role)| *role == Role::VerbalNoun)
                .map(|(form, _)| form)
                .collect()
        };
        let mut nouns: Vec<String> = self
            .rules
            .iter()
            .zip(&self.rule_langs)
            .filter(|(_, lang)| **lang == Lang::Ar)
            .flat_map(|(r, _)| {
                let written = r.nouns.iter().flat_map(|n| lemma_nouns(n, true));
                written.chain(r.cues.iter().flat_map(|c| lemma_nouns(c, false)))
            })
            .collect();
        nouns.sort();
        nouns.dedup();
        nouns
    }

    /// The English rules' one-word cue forms, past forms aside, sorted and
    /// unique: each may take a demonym before it as its agent ("the
    /// Turkish support for", "Russian shelling of").
    pub fn verbal_nouns_en(&self) -> Vec<String> {
        let mut nouns: Vec<String> = self
            .rules
            .iter()
            .zip(&self.rule_langs)
            .filter(|(_, lang)| **lang == Lang::En)
            .flat_map(|(r, _)| r.cues.iter().chain(&r.nouns))
            .flat_map(|c| expand_cue(c))
            .filter(|w| w.chars().all(char::is_alphabetic) && !w.ends_with("ed") && w.len() > 3)
            .collect();
        nouns.sort();
        nouns.dedup();
        nouns
    }

    /// The matcher over all cue phrases.
    pub fn matcher(&self) -> &PhraseMatcher {
        &self.matcher
    }

    /// What payload `i` means.
    pub fn payload(&self, i: usize) -> CueKind {
        self.payloads[i]
    }

    /// Whether payload `i` is a circumstantial participle.
    pub fn is_circumstantial(&self, i: usize) -> bool {
        self.circumstantial[i]
    }

    /// Whether the text between a cue and an actor ends with a co-subject
    /// marker ("…, as did").
    pub fn is_co_subject(&self, gap: &str) -> bool {
        let gap = gap.trim_end();
        self.co_subject.iter().any(|m| {
            gap.strip_suffix(m.as_str())
                .is_some_and(|head| head.is_empty() || head.ends_with([' ', ',', '،']))
        })
    }

    /// Negation window of a language.
    pub fn negation_window(&self, lang: Lang) -> usize {
        self.windows
            .iter()
            .rev()
            .find(|(l, _)| *l == lang)
            .map(|(_, w)| *w)
            .unwrap_or(1)
    }

    /// Whether a word may stand between a relative pronoun and its verb.
    pub fn is_auxiliary(&self, word: &str) -> bool {
        self.auxiliaries.contains(word) || self.passive_aux.contains(word)
    }
}

/// Word lists of the cue packs, one accessor each: `name(word)` says whether
/// the (normalised) word is in the list.
macro_rules! word_lists {
    ($($(#[$doc:meta])* $name:ident => $field:ident;)*) => {
        impl CueBase {
            $($(#[$doc])* pub fn $name(&self, word: &str) -> bool {
                self.$field.contains(word)
            })*
        }
    };
}

/// Frames of the cue packs, as phrases of normalised words.
macro_rules! frame_phrases {
    ($($(#[$doc:meta])* $name:ident;)*) => {
        impl CueBase {
            $($(#[$doc])* pub fn $name(&self) -> &[Vec<String>] {
                &self.$name
            })*
        }
    };
}

word_lists! {
    /// Whether the (normalised, trimmed) text between two actors coordinates them.
    is_coordinator => coordinators;
    /// Whether a normalised word may stand between a conjunction and the
    /// list member it modifies.
    is_member_modifier => member_modifiers;
    /// Whether a normalised word is a subject pronoun.
    is_pronoun => pronouns;
    /// Whether a normalised word is a possessive determiner.
    is_pronoun_possessive => possessives;
    /// Whether a speech verb preceded by this word continues the last speaker.
    carries_before => carry_before;
    /// Whether a word is an indefinite subject ("من", "whoever").
    is_indefinite => indefinite;
    /// Whether a speech verb followed by this word continues the last speaker.
    carries_after => carry_after;
    /// Whether a normalised word right after a relative pronoun shows that
    /// the antecedent is the clause's subject ("which *has* long backed").
    opens_subject_relative => subject_relative;
    /// Whether a normalised word is a complementizer.
    is_complementizer => complementizers;
    /// Whether a normalised word opens a relative clause.
    is_relative => relative;
    /// Whether a normalised word after a comma opens an aside.
    opens_aside => aside_openers;
    /// Whether a word is a passive auxiliary (was, were, been).
    is_passive_aux => passive_aux;
    /// Whether a normalised agent marker makes an Arabic verb passive.
    is_passive_agent => passive_agent;
    /// Whether a normalised word is a singular relative pronoun.
    is_relative_singular => relative_singular;
    /// Whether a word opens another clause (after, while, فيما).
    is_clause_opener => clause_openers;
    /// Whether a word is a route preposition (via, عبر).
    is_transit => transit;
    /// Whether a noun after a cue makes the cue its modifier (hub, efforts).
    is_nominal_after => nominal_after;
    /// Whether a determiner before an -ing cue makes it a noun (the).
    is_nominal_before => nominal_before;
    /// Whether a word opens an adverbial gerund (while, by).
    is_subordinator => subordinators;
    /// Whether a normalised word is a preposition of some rule (on, على).
    is_preposition => prepositions;
    /// Whether a normalised word is a stance prefix (pro, anti).
    is_stance_prefix => prefixes;
}

frame_phrases! {
    /// Phrases of the `apposition` frame, as normalised words.
    apposition;
    /// Phrases of the `noun_modifiers` frame, as normalised words.
    noun_modifiers;
    /// Phrases of the `instances` frame, as normalised words.
    instances;
    /// Phrases of the `beneficiary` frame, as normalised words.
    beneficiary;
}

//! Arabic verb morphology as data: a cue written as a lemma (`دعم/I`,
//! `أرسل/IV`, `استهدف/X`) stands for all its surface forms, generated at
//! load time.
//!
//! A lemma is the perfect 3rd person masculine singular and the verb form
//! (I–X, or Q for a quadriliteral such as سيطر). Generation works on the
//! normalised, unvocalised spelling (hamza seats folded to ا/و/ي, ة to ه,
//! ى to ي: see `text::normalize`), from the written perfect as a template,
//! so assimilated (وقف، اتفق) and geminate (صد) roots need no root analysis.
//! Unvocalised Arabic spells many forms alike (active and passive voice,
//! the active and passive participles of derived forms), which keeps the
//! list short.
//!
//! Supported:
//! - sound roots in every form; geminate Form I of two written letters (صد);
//! - assimilated Form I (initial و drops in the imperfect: وقف → يقف);
//! - hollow roots in IV, VII, VIII, X (أقام → يقيم، إقامة; استعاد → يستعيد،
//!   استعادة; اختار → يختار، اختيار);
//! - defective roots (final ى/ي) in derived forms: finite forms and the
//!   verbal noun (استدعى → يستدعي، استدعاء; ألقى → يلقي، إلقاء), no participles.
//!
//! Not generated (write them explicitly in the list): Form I verbal nouns
//! (their pattern is lexical: `دعم/I:دعم` names them), Form I hollow and
//! defective verbs (قال/يقول vs باع/يبيع; دعا/يدعو), the فعال verbal noun
//! of Form III, broken plurals.
//!
//! Suffixes (ت، وا، ون، ه، ها …) are left to the matcher's closed list for
//! finite verbs and verbal nouns; participles get their endings here and
//! are matched exactly, so that the accusative circumstantial form (داعماً)
//! is told apart from the attributive ones (الداعمة، الداعمين).

use crate::text::normalize;

/// The role a generated form plays in a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A finite verb (perfect or imperfect, any person): a rule's `cues`.
    Verb,
    /// An attributive active participle (الداعمة لـ، المستهدفين): acts as a
    /// verb whose subject is the noun it modifies.
    Participle,
    /// The accusative participle (داعماً، متهماً): circumstantial, its
    /// subject is the sentence's main subject (`~` in the packs).
    Circumstantial,
    /// A passive participle (المدعومة من), only with the `@passive` selector.
    Passive,
    /// The verbal noun (مساندة، إرسال، استهداف): a rule's `nouns`.
    VerbalNoun,
}

/// Verb forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    I,
    II,
    III,
    IV,
    V,
    VI,
    VII,
    VIII,
    X,
    Q,
}

/// Which forms a lemma entry asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Select {
    /// Finite verbs, participles and the verbal noun (in `cues`).
    All,
    /// Finite verbs and the verbal noun, no participles (`@verb`): for
    /// derived forms whose participle reads as passive too (المتهم "the
    /// accused", المسلحة "armed", المرسلة "sent").
    Verb,
    /// Finite verbs only (`@finite`): for verbs whose verbal noun is a
    /// common word of another sense (سيطرة "control", تدمير in "destruction
    /// of").
    Finite,
    /// The passive participle only (`@passive`).
    Passive,
    /// The verbal noun only (in `nouns`).
    Noun,
}

/// A parsed lemma entry: `perfect/FORM[:noun,noun][@selector]`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Lemma {
    perfect: Vec<char>,
    form: Form,
    nouns: Vec<String>,
    select: Select,
}

/// Imperfect prefixes: he/they, she/you, we, I.
const IMPERFECT: [char; 4] = ['ي', 'ت', 'ن', 'ا'];
/// Endings of an attributive participle (ة is normalised to ه).
const PARTICIPLE_ENDINGS: [&str; 6] = ["", "ه", "ون", "ين", "ات", "ان"];

fn parse_form(s: &str) -> Option<Form> {
    Some(match s {
        "I" => Form::I,
        "II" => Form::II,
        "III" => Form::III,
        "IV" => Form::IV,
        "V" => Form::V,
        "VI" => Form::VI,
        "VII" => Form::VII,
        "VIII" => Form::VIII,
        "X" => Form::X,
        "Q" => Form::Q,
        _ => return None,
    })
}

/// Whether a word is written as a lemma (`دعم/I`).
pub fn is_lemma(word: &str) -> bool {
    word.contains('/')
}

fn parse(word: &str, in_nouns: bool) -> Option<Lemma> {
    let (word, select) = match word.split_once('@') {
        Some((w, "verb")) => (w, Select::Verb),
        Some((w, "passive")) => (w, Select::Passive),
        Some((w, "finite")) => (w, Select::Finite),
        Some(_) => return None,
        None => (word, if in_nouns { Select::Noun } else { Select::All }),
    };
    let (perfect, rest) = word.split_once('/')?;
    let (form, nouns) = match rest.split_once(':') {
        Some((f, n)) => (f, n.split(',').map(|s| normalize(s.trim()).text).collect()),
        None => (rest, Vec::new()),
    };
    let perfect: Vec<char> = normalize(perfect.trim()).text.chars().collect();
    if perfect.len() < 2 {
        return None;
    }
    Some(Lemma {
        perfect,
        form: parse_form(form.trim())?,
        nouns,
        select,
    })
}

fn s(chars: &[char]) -> String {
    chars.iter().collect()
}

/// The imperfect stem (after the person prefix).
fn imperfect_stem(l: &Lemma) -> Vec<char> {
    let p = &l.perfect;
    let mut stem: Vec<char> = match l.form {
        // وقف → يقف: an assimilated Form I loses its و.
        Form::I if p.len() == 3 && p[0] == 'و' => p[1..].to_vec(),
        // أيد → يؤيد: a hamza after the prefix sits on و.
        Form::II | Form::III if p[0] == 'ا' => [&['و'][..], &p[1..]].concat(),
        Form::IV | Form::VII | Form::VIII | Form::X => p[1..].to_vec(),
        _ => p.clone(),
    };
    // أقام → يقيم، استعاد → يستعيد: hollow IV and X take ي.
    if matches!(l.form, Form::IV | Form::X) && is_hollow(l) {
        let n = stem.len();
        stem[n - 2] = 'ي';
    }
    stem
}

/// A hollow derived verb: ا before the last radical (أقام، استعاد، اختار).
fn is_hollow(l: &Lemma) -> bool {
    let p = &l.perfect;
    let min = match l.form {
        Form::IV => 4,
        Form::VII | Form::VIII => 5,
        Form::X => 6,
        _ => return false,
    };
    p.len() == min && p[p.len() - 2] == 'ا'
}

/// A defective derived verb: final ي (ى normalised), not Form I.
fn is_defective(l: &Lemma) -> bool {
    l.form != Form::I && l.perfect.last() == Some(&'ي')
}

/// The finite forms: the perfect and the imperfect with each prefix.
fn finite(l: &Lemma) -> Vec<String> {
    let stem = imperfect_stem(l);
    let mut out = vec![s(&l.perfect)];
    for p in IMPERFECT {
        let mut w = vec![p];
        w.extend(&stem);
        out.push(s(&w));
    }
    out
}

/// The active participle stem (no ending), or none where not generated.
fn active_participle(l: &Lemma) -> Option<Vec<char>> {
    if is_defective(l) {
        return None;
    }
    let p = &l.perfect;
    let m = |rest: &[char]| [&['م'][..], rest].concat();
    Some(match l.form {
        Form::I if p.len() == 3 => vec![p[0], 'ا', p[1], p[2]],
        Form::I if p.len() == 2 => vec![p[0], 'ا', p[1], p[1]],
        Form::I => return None,
        Form::II | Form::III => m(&imperfect_stem(l)),
        Form::V | Form::VI | Form::Q => m(p),
        Form::IV | Form::VII | Form::VIII | Form::X => m(&imperfect_stem(l)),
    })
}

/// The passive participle stem: مفعول in Form I, else the active one
/// (the two differ only in a vowel mark).
fn passive_participle(l: &Lemma) -> Option<Vec<char>> {
    let p = &l.perfect;
    match l.form {
        Form::I if p.len() == 3 => Some(vec!['م', p[0], p[1], 'و', p[2]]),
        Form::I if p.len() == 2 => Some(vec!['م', p[0], p[1], 'و', p[1]]),
        Form::I => None,
        _ => active_participle(l),
    }
}

/// The verbal noun of a derived form (Form I has none by rule).
fn generated_nouns(l: &Lemma) -> Option<String> {
    let p = &l.perfect;
    let n = p.len();
    let generated: Option<Vec<char>> = match l.form {
        Form::I => None,
        // غطى → تغطية.
        Form::II if is_defective(l) => Some([&['ت'][..], &p[..n - 1], &['ي', 'ه']].concat()),
        // أيد → تأييد (تاييد): ت + radicals with ي before the last.
        Form::II => Some([&['ت'][..], &p[..n - 1], &['ي', p[n - 1]]].concat()),
        // ساند → مساندة.
        Form::III => Some([&['م'][..], &p[..], &['ه']].concat()),
        // تدخل → تدخل، تفاوض → تفاوض، تلقى → تلقي.
        Form::V | Form::VI => Some(p.clone()),
        Form::Q => Some([&p[..], &['ه']].concat()),
        // أقام → إقامة، استعاد → استعادة.
        Form::IV | Form::X if is_hollow(l) => Some([&p[..], &['ه']].concat()),
        // اختار → اختيار، انقاد → انقياد.
        Form::VII | Form::VIII if is_hollow(l) => {
            Some([&p[..n - 2], &['ي', 'ا', p[n - 1]]].concat())
        }
        // ألقى → إلقاء، استدعى → استدعاء، اشترى → اشتراء.
        _ if is_defective(l) => Some([&p[..n - 1], &['ا', 'ء']].concat()),
        // أرسل → إرسال، انسحب → انسحاب، اتهم → اتهام، استهدف → استهداف.
        Form::IV | Form::VII | Form::VIII | Form::X => {
            Some([&p[..n - 1], &['ا', p[n - 1]]].concat())
        }
    };
    generated.map(|g| s(&g))
}

/// Participle forms with their endings, and the circumstantial accusative.
fn participles(stem: &[char], role: Role, out: &mut Vec<(String, Role)>) {
    let base = s(stem);
    for e in PARTICIPLE_ENDINGS {
        out.push((format!("{base}{e}"), role));
    }
    if role == Role::Participle {
        out.push((format!("{base}ا"), Role::Circumstantial));
    }
}

/// Every surface form of one lemma entry, normalised, with its role.
/// `in_nouns`: the entry stands in a rule's `nouns` (verbal nouns only).
/// Returns `None` when the entry is not a well-formed lemma.
///
/// Where two forms are spelt alike the first role wins, in this order:
/// verbal nouns named explicitly (`دعم/I:دعم`: the bare دعم is read as the
/// noun, as the packs always did), finite verbs (a Form V/VI perfect such as
/// توعد stays a verb), participles, generated verbal nouns.
pub fn expand_lemma(word: &str, in_nouns: bool) -> Option<Vec<(String, Role)>> {
    let l = parse(word, in_nouns)?;
    let mut out: Vec<(String, Role)> = Vec::new();
    let select = l.select;
    let nouns = matches!(select, Select::All | Select::Verb | Select::Noun);
    if nouns {
        out.extend(l.nouns.iter().map(|n| (n.clone(), Role::VerbalNoun)));
    }
    if matches!(select, Select::All | Select::Verb | Select::Finite) {
        out.extend(finite(&l).into_iter().map(|f| (f, Role::Verb)));
    }
    if select == Select::All {
        if let Some(ap) = active_participle(&l) {
            participles(&ap, Role::Participle, &mut out);
        }
    }
    if select == Select::Passive {
        participles(&passive_participle(&l)?, Role::Passive, &mut out);
    }
    if nouns {
        out.extend(
            generated_nouns(&l)
                .into_iter()
                .map(|n| (n, Role::VerbalNoun)),
        );
    }
    dedup_keep_first(&mut out);
    Some(out)
}

/// Drops repeated forms (a Form V verbal noun is also its perfect): the
/// first role wins, so a finite verb stays a verb.
fn dedup_keep_first(out: &mut Vec<(String, Role)>) {
    let mut seen = crate::fasthash::FastSet::default();
    out.retain(|(f, _)| seen.insert(f.clone()));
}

/// Expands a cue phrase whose words may include one lemma (`وقف/I إلى
/// جانب`): one phrase per form of the lemma, with the form's role. `None`
/// when the phrase has no lemma (or a malformed one).
pub fn expand_phrase(phrase: &str, in_nouns: bool) -> Option<Vec<(String, Role)>> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let at = words.iter().position(|w| is_lemma(w))?;
    let forms = expand_lemma(words[at], in_nouns)?;
    Some(
        forms
            .into_iter()
            .map(|(f, role)| {
                let mut w: Vec<String> = words.iter().map(|x| x.to_string()).collect();
                w[at] = f;
                (w.join(" "), role)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(word: &str, role: Role) -> Vec<String> {
        expand_lemma(word, false)
            .unwrap()
            .into_iter()
            .filter(|(_, r)| *r == role)
            .map(|(f, _)| f)
            .collect()
    }

    fn nouns(word: &str) -> Vec<String> {
        expand_lemma(word, true)
            .unwrap()
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    }

    /// lemma, finite forms, attributive participle stem, verbal nouns.
    const TABLE: &[(&str, &[&str], Option<&str>, &[&str])] = &[
        (
            "دعم/I:دعم",
            &["دعم", "يدعم", "تدعم", "ندعم", "ادعم"],
            Some("داعم"),
            &["دعم"],
        ),
        (
            "صد/I",
            &["صد", "يصد", "تصد", "نصد", "اصد"],
            Some("صاد"),
            &[],
        ),
        (
            "وقف/I",
            &["وقف", "يقف", "تقف", "نقف", "اقف"],
            Some("واقف"),
            &[],
        ),
        (
            "أيد/II",
            &["ايد", "يويد", "تويد", "نويد", "اويد"],
            Some("مويد"),
            &["تاييد"],
        ),
        (
            "سلح/II",
            &["سلح", "يسلح", "تسلح", "نسلح", "اسلح"],
            Some("مسلح"),
            &["تسليح"],
        ),
        (
            "ساند/III",
            &["ساند", "يساند", "تساند", "نساند", "اساند"],
            Some("مساند"),
            &["مسانده"],
        ),
        (
            "أرسل/IV",
            &["ارسل", "يرسل", "ترسل", "نرسل", "ارسل"],
            Some("مرسل"),
            &["ارسال"],
        ),
        (
            "أقام/IV",
            &["اقام", "يقيم", "تقيم", "نقيم", "اقيم"],
            Some("مقيم"),
            &["اقامه"],
        ),
        (
            "ألقى/IV",
            &["القي", "يلقي", "تلقي", "نلقي", "القي"],
            None,
            &["القاء"],
        ),
        (
            "تدخل/V",
            &["تدخل", "يتدخل", "تتدخل", "نتدخل", "اتدخل"],
            Some("متدخل"),
            &["تدخل"],
        ),
        (
            "تفاوض/VI",
            &["تفاوض", "يتفاوض", "تتفاوض", "نتفاوض", "اتفاوض"],
            Some("متفاوض"),
            &["تفاوض"],
        ),
        (
            "انسحب/VII",
            &["انسحب", "ينسحب", "تنسحب", "ننسحب", "انسحب"],
            Some("منسحب"),
            &["انسحاب"],
        ),
        (
            "اتهم/VIII",
            &["اتهم", "يتهم", "تتهم", "نتهم", "اتهم"],
            Some("متهم"),
            &["اتهام"],
        ),
        (
            "اختار/VIII",
            &["اختار", "يختار", "تختار", "نختار", "اختار"],
            Some("مختار"),
            &["اختيار"],
        ),
        (
            "استهدف/X",
            &["استهدف", "يستهدف", "تستهدف", "نستهدف", "استهدف"],
            Some("مستهدف"),
            &["استهداف"],
        ),
        (
            "استعاد/X",
            &["استعاد", "يستعيد", "تستعيد", "نستعيد", "استعيد"],
            Some("مستعيد"),
            &["استعاده"],
        ),
        (
            "استدعى/X",
            &["استدعي", "يستدعي", "تستدعي", "نستدعي", "استدعي"],
            None,
            &["استدعاء"],
        ),
        (
            "سيطر/Q",
            &["سيطر", "يسيطر", "تسيطر", "نسيطر", "اسيطر"],
            Some("مسيطر"),
            &["سيطره"],
        ),
    ];

    #[test]
    fn table() {
        for (lemma, finite, participle, vn) in TABLE {
            let mut want: Vec<String> = finite
                .iter()
                .filter(|f| !lemma.contains(':') || !vn.contains(f))
                .map(|s| s.to_string())
                .collect();
            want.dedup();
            let mut got = forms(lemma, Role::Verb);
            got.dedup();
            assert_eq!(got, want, "{lemma}: finite");
            let attributive = forms(lemma, Role::Participle);
            match participle {
                Some(p) => {
                    let want: Vec<String> = PARTICIPLE_ENDINGS
                        .iter()
                        .map(|e| format!("{p}{e}"))
                        .filter(|f| !finite.contains(&f.as_str()) && !vn.contains(&f.as_str()))
                        .collect();
                    assert_eq!(attributive, want, "{lemma}: participles");
                    assert!(forms(lemma, Role::Circumstantial).contains(&format!("{p}ا")));
                }
                None => assert!(attributive.is_empty(), "{lemma}: no participles"),
            }
            let got_vn = forms(lemma, Role::VerbalNoun);
            let want_vn: Vec<String> = vn
                .iter()
                .filter(|n| lemma.contains(':') || !finite.contains(n))
                .map(|s| s.to_string())
                .collect();
            assert_eq!(got_vn, want_vn, "{lemma}: verbal nouns");
        }
    }

    #[test]
    fn nouns_only_in_nouns_lists() {
        assert_eq!(nouns("أرسل/IV"), vec!["ارسال"]);
        assert_eq!(nouns("دعم/I:دعم,مدد"), vec!["دعم", "مدد"]);
        assert!(nouns("دعم/I").is_empty());
    }

    #[test]
    fn passive_selector() {
        let got: Vec<String> = expand_lemma("دعم/I@passive", false)
            .unwrap()
            .into_iter()
            .map(|(f, r)| {
                assert_eq!(r, Role::Passive);
                f
            })
            .collect();
        assert_eq!(got[..3], ["مدعوم", "مدعومه", "مدعومون"]);
        let verbs = expand_lemma("اتهم/VIII@verb", false).unwrap();
        assert!(verbs
            .iter()
            .all(|(_, r)| matches!(r, Role::Verb | Role::VerbalNoun)));
        assert!(verbs.iter().any(|(f, _)| f == "اتهام"));
        let finite = expand_lemma("سيطر/Q@finite", false).unwrap();
        assert!(finite.iter().all(|(_, r)| *r == Role::Verb));
    }

    #[test]
    fn phrases_and_errors() {
        let p = expand_phrase("وقف/I إلى جانب", false).unwrap();
        assert!(p.iter().any(|(f, _)| f == "يقف إلى جانب"));
        assert!(expand_phrase("إلى جانب", false).is_none());
        assert!(expand_lemma("دعم/XI", false).is_none());
        assert!(expand_lemma("دعم/I@bogus", false).is_none());
    }
}

#[cfg(test)]
mod pack_tests {
    use crate::lexicon::{CueKind, Knowledge};
    use crate::text::{normalize, tokenize};

    /// Every form generated from a lemma in the embedded packs is found by
    /// the cue matcher in a sentence, with and without a proclitic, as a cue
    /// of the rule that named the lemma.
    #[test]
    fn every_generated_form_is_matched() {
        let kb = Knowledge::embedded().unwrap();
        let cues = &kb.cues;
        for (ri, form) in cues.generated_forms() {
            for clitic in ["", "و"] {
                let sentence = format!("وقال المصدر إن {clitic}{form} جاء أمس");
                let norm = normalize(&sentence);
                let tokens = tokenize(&norm.text);
                let hits = cues
                    .matcher()
                    .find(&norm.text, &tokens, (0, norm.text.len()));
                let found = hits.iter().any(|h| {
                    &norm.text[h.start..h.end] == form.as_str()
                        && matches!(cues.payload(h.payload),
                            CueKind::Rule(r) | CueKind::Noun(r) if r == *ri)
                });
                assert!(
                    found,
                    "{} not matched for rule {}",
                    form, cues.rules[*ri].id
                );
            }
        }
    }
}

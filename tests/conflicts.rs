//! The conflict packs (data/actors/conflicts/) and Libya across time: the
//! main sides of each conflict, named by name, acronym and leader, in both
//! languages, resolve to the ids of ../shared/eval/IDS.md; role nouns read
//! by the country the article is about; dated words and persons by the
//! article's date.

use stancegraph::extract::analyse;
use stancegraph::lexicon::Knowledge;
use stancegraph::text::normalize;
use std::sync::OnceLock;

fn kb() -> &'static Knowledge {
    static KB: OnceLock<Knowledge> = OnceLock::new();
    KB.get_or_init(|| Knowledge::embedded().expect("embedded packs load"))
}

/// Every mention of `text` as (ids joined by '+', its span in the original).
fn mentions_on(text: &str, date: Option<&str>) -> Vec<(String, String)> {
    let mut doc =
        stancegraph::read_document("t", "t.txt", text.as_bytes(), None).expect("a document");
    doc.date = date.map(str::to_string);
    let ex = analyse(&doc, kb());
    let norm = normalize(&doc.text);
    ex.mentions
        .iter()
        .filter(|m| !m.ids.is_empty())
        .map(|m| {
            let (s, e) = norm.orig_span(m.start, m.end);
            (m.ids.join("+"), doc.text[s..e].to_string())
        })
        .collect()
}

/// (text, article date, the mentions it must yield, in order; others may
/// stand between them).
type Case = (
    &'static str,
    Option<&'static str>,
    &'static [(&'static str, &'static str)],
);

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for (text, date, want) in cases {
        let got = mentions_on(text, *date);
        let mut rest = got.iter();
        let ok = want
            .iter()
            .all(|(id, span)| rest.any(|(i, s)| i == id && s == span));
        if !ok {
            failures.push(format!("{text} ({date:?}): want {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const D2024: Option<&str> = Some("2024-06-01");

#[test]
fn sudan() {
    check(&[
        ("رفضت قوات الدعم السريع الهدنة.", D2024, &[("rsf", "قوات الدعم السريع")]),
        ("هاجم الدعم السريع مدينة الفاشر.", D2024, &[("rsf", "الدعم السريع")]),
        ("ورحب حميدتي بالمبادرة.", D2024, &[("rsf", "حميدتي")]),
        ("ورحب حميدتى بالمبادرة.", D2024, &[("rsf", "حميدتى")]),
        ("Hemedti rejected the talks.", D2024, &[("rsf", "Hemedti")]),
        ("The RSF shelled El Fasher on Monday.", D2024, &[("rsf", "RSF")]),
        ("Abdelrahim Dagalo met the envoy.", D2024, &[("rsf", "Abdelrahim Dagalo")]),
        (
            "اتهم الجيش السوداني قوات الدعم السريع بقصف أم درمان.",
            D2024,
            &[("saf", "الجيش السوداني"), ("rsf", "قوات الدعم السريع")],
        ),
        (
            "The Sudanese Armed Forces accused the Rapid Support Forces of shelling.",
            D2024,
            &[("saf", "Sudanese Armed Forces"), ("rsf", "Rapid Support Forces")],
        ),
        ("The SAF retook Wad Madani.", D2024, &[("saf", "SAF")]),
        ("رحب البرهان بالاتفاق.", D2024, &[("saf", "البرهان")]),
        ("Burhan welcomed the deal.", Some("2021-06-01"), &[("saf", "Burhan")]),
        ("وأعلن مجلس السيادة حالة الطوارئ.", D2024, &[("saf", "مجلس السيادة")]),
        // Role nouns read as Sudan's in a Sudan article (dateline).
        (
            "الخرطوم - قال الجيش إنه صد هجوما لقوات الدعم السريع.",
            D2024,
            &[("saf", "الجيش"), ("rsf", "قوات الدعم السريع")],
        ),
        (
            "الخرطوم - اتهمت الحكومة الجنجويد بقتل المدنيين في الجنينة.",
            D2024,
            &[("saf", "الحكومة"), ("rsf", "الجنجويد")],
        ),
        // SPLM-N: al-Hilu's faction and Agar, who joined the Sovereignty
        // Council in May 2023.
        (
            "رفضت الحركة الشعبية بقيادة عبد العزيز الحلو المقترح.",
            D2024,
            &[("splm-n-hilu", "الحركة الشعبية بقيادة عبد العزيز الحلو")],
        ),
        ("Abdelaziz al-Hilu rejected the offer.", D2024, &[("splm-n-hilu", "Abdelaziz al-Hilu")]),
        ("Malik Agar welcomed the offer.", Some("2020-06-01"), &[("splm-n-agar", "Malik Agar")]),
        ("Malik Agar welcomed the offer.", D2024, &[("saf", "Malik Agar")]),
        ("JEM fighters joined the army.", D2024, &[("jem", "JEM")]),
    ]);
}

#[test]
fn janjaweed_reads_by_country() {
    // Libyan news: Sudanese fighters (IDS.md: mercenaries).
    check(&[
        (
            "طرابلس - اتهمت حكومة الوفاق حفتر بتجنيد الجنجويد.",
            Some("2020-01-10"),
            &[("gna", "حكومة الوفاق"), ("lna", "حفتر"), ("mercenaries", "الجنجويد")],
        ),
        (
            "الفاشر - هاجم الجنجويد مخيم زمزم.",
            D2024,
            &[("rsf", "الجنجويد")],
        ),
    ]);
}

#[test]
fn yemen() {
    check(&[
        ("أطلق الحوثيون صاروخا باتجاه السفن.", D2024, &[("houthis", "الحوثيون")]),
        ("وقالت جماعة أنصار الله إنها استهدفت السفينة.", D2024, &[("houthis", "جماعة أنصار الله")]),
        ("Ansar Allah said it targeted the ship.", D2024, &[("houthis", "Ansar Allah")]),
        ("The Houthis fired a missile.", D2024, &[("houthis", "Houthis")]),
        ("وقال عبد الملك الحوثي إن الهجمات ستستمر.", D2024, &[("houthis", "عبد الملك الحوثي")]),
        ("Abdul-Malik al-Houthi vowed more attacks.", D2024, &[("houthis", "Abdul-Malik al-Houthi")]),
        ("رحبت الحكومة اليمنية بالقرار.", D2024, &[("yemen-government", "الحكومة اليمنية")]),
        ("The Presidential Leadership Council welcomed the truce.", D2024, &[("yemen-government", "Presidential Leadership Council")]),
        ("وأكد رشاد العليمي دعمه للهدنة.", D2024, &[("yemen-government", "رشاد العليمي")]),
        ("Hadi called for talks.", Some("2016-04-01"), &[("yemen-government", "Hadi")]),
        ("The Saudi-led coalition struck Sanaa airport.", D2024, &[("saudi-coalition", "Saudi-led coalition")]),
        ("وأعلن التحالف العربي اعتراض الصاروخ.", D2024, &[("saudi-coalition", "التحالف العربي")]),
        ("The STC took over Aden.", D2024, &[("stc", "STC")]),
        ("واتهم عيدروس الزبيدي الحكومة بالفشل.", D2024, &[("stc", "عيدروس الزبيدي")]),
        ("AQAP claimed the attack in Abyan.", D2024, &[("aqap", "AQAP")]),
        ("تبنى تنظيم القاعدة في جزيرة العرب الهجوم.", D2024, &[("aqap", "تنظيم القاعدة في جزيرة العرب")]),
        // In a Yemen article "the coalition" is the Saudi-led one, "the
        // army" the government's.
        (
            "مأرب - قال التحالف إن الجيش صد هجوما للحوثيين.",
            D2024,
            &[("saudi-coalition", "التحالف"), ("yemen-government", "الجيش"), ("houthis", "للحوثيين")],
        ),
    ]);
}

#[test]
fn syria() {
    check(&[
        ("سيطرت هيئة تحرير الشام على حلب.", Some("2024-11-30"), &[("hts", "هيئة تحرير الشام")]),
        ("HTS fighters entered Aleppo.", Some("2024-11-30"), &[("hts", "HTS")]),
        ("وهاجمت جبهة النصرة مواقع الجيش.", Some("2014-05-01"), &[("hts", "جبهة النصرة")]),
        ("Jolani vowed to take Damascus.", Some("2024-12-01"), &[("hts", "Jolani")]),
        ("رحب أحمد الشرع بالقرار.", Some("2025-03-01"), &[("syria", "أحمد الشرع")]),
        ("Ahmed al-Sharaa met the envoy.", Some("2025-03-01"), &[("syria", "Ahmed al-Sharaa")]),
        ("اتهمت قسد الفصائل الموالية لتركيا بالهجوم.", D2024, &[("sdf", "قسد"), ("sna", "الفصائل الموالية لتركيا")]),
        ("The SDF accused the Syrian National Army of shelling Manbij.", D2024, &[("sdf", "SDF"), ("sna", "Syrian National Army")]),
        ("Mazloum Abdi rejected the demand.", D2024, &[("sdf", "Mazloum Abdi")]),
        ("وقال مظلوم عبدي إن القوات لن تنسحب.", D2024, &[("sdf", "مظلوم عبدي")]),
        ("وقصفت قوات النظام ريف إدلب.", Some("2020-02-01"), &[("syria", "قوات النظام")]),
        ("The Assad regime rejected the talks.", Some("2020-02-01"), &[("syria", "Assad regime")]),
        ("Bashar al-Assad met Putin.", Some("2020-02-01"), &[("syria", "Bashar al-Assad"), ("russia", "Putin")]),
        ("YPG fighters held Kobani.", Some("2015-01-20"), &[("sdf", "YPG")]),
        ("وأعلن الجيش الوطني السوري السيطرة على منبج.", D2024, &[("sna", "الجيش الوطني السوري")]),
    ]);
}

#[test]
fn lebanon() {
    check(&[
        ("أطلق حزب الله صواريخ على شمال إسرائيل.", D2024, &[("hezbollah", "حزب الله")]),
        ("Hezbollah fired rockets at Israel.", D2024, &[("hezbollah", "Hezbollah")]),
        ("وقال حسن نصر الله إن الجبهة ستبقى مفتوحة.", Some("2023-11-03"), &[("hezbollah", "حسن نصر الله")]),
        ("Nasrallah warned Israel.", Some("2023-11-03"), &[("hezbollah", "Nasrallah"), ("israel", "Israel")]),
        ("وأكد نعيم قاسم التزام الحزب بالاتفاق.", Some("2024-12-01"), &[("hezbollah", "نعيم قاسم")]),
        ("UNIFIL said its positions were hit.", D2024, &[("unifil", "UNIFIL")]),
        ("رحب نجيب ميقاتي بالاتفاق.", D2024, &[("lebanon", "نجيب ميقاتي")]),
        // Kataib Hezbollah is Iraqi (pmf), not Hezbollah.
        ("كتائب حزب الله تتبنى الهجوم.", D2024, &[("pmf", "كتائب حزب الله")]),
    ]);
}

#[test]
fn gaza() {
    check(&[
        ("رفضت حركة حماس المقترح الإسرائيلي.", D2024, &[("hamas", "حركة حماس")]),
        ("Hamas rejected the proposal.", D2024, &[("hamas", "Hamas")]),
        ("وأعلنت كتائب القسام أسر جنود.", D2024, &[("hamas", "كتائب القسام")]),
        ("The Qassam Brigades said they hit a tank.", D2024, &[("hamas", "Qassam Brigades")]),
        ("Sinwar rejected the terms.", D2024, &[("hamas", "Sinwar")]),
        ("وقال يحيى السنوار إن الحركة مستعدة.", D2024, &[("hamas", "يحيى السنوار")]),
        ("Ismail Haniyeh met Qatar's emir.", D2024, &[("hamas", "Ismail Haniyeh")]),
        ("وتبنت سرايا القدس إطلاق الصواريخ.", D2024, &[("pij", "سرايا القدس")]),
        ("Palestinian Islamic Jihad claimed the attack.", D2024, &[("pij", "Palestinian Islamic Jihad")]),
        ("Islamic Jihad fired rockets.", D2024, &[("pij", "Islamic Jihad")]),
        ("ودان محمود عباس الهجوم.", D2024, &[("palestine", "محمود عباس")]),
        ("The Palestinian Authority condemned the raid.", D2024, &[("palestine", "Palestinian Authority")]),
        ("وقصف جيش الاحتلال مدينة رفح.", D2024, &[("israel", "جيش الاحتلال")]),
        ("The IDF said it struck Hamas targets.", D2024, &[("israel", "IDF"), ("hamas", "Hamas")]),
        ("Netanyahu rejected the deal.", D2024, &[("israel", "Netanyahu")]),
        ("رفض نتنياهو الصفقة.", D2024, &[("israel", "نتنياهو")]),
        // In a Gaza article "the army" is Israel's.
        (
            "غزة - قال الجيش إنه قتل قياديا في حماس.",
            D2024,
            &[("israel", "الجيش"), ("hamas", "حماس")],
        ),
    ]);
}

#[test]
fn iraq() {
    check(&[
        ("أعلن الحشد الشعبي مقتل عناصره.", D2024, &[("pmf", "الحشد الشعبي")]),
        ("The Popular Mobilization Forces denied the claim.", D2024, &[("pmf", "Popular Mobilization Forces")]),
        ("The PMF denied the claim.", D2024, &[("pmf", "PMF")]),
        ("Kataib Hezbollah claimed the drone attack.", D2024, &[("pmf", "Kataib Hezbollah")]),
        ("وقال فالح الفياض إن الحشد باق.", D2024, &[("pmf", "فالح الفياض")]),
        ("Peshmerga forces retook Sinjar.", Some("2015-11-13"), &[("krg", "Peshmerga forces")]),
        ("رحب محمد شياع السوداني بالقرار.", D2024, &[("iraq", "محمد شياع السوداني")]),
    ]);
}

#[test]
fn ethiopia() {
    check(&[
        ("The TPLF rejected the ceasefire.", Some("2021-07-01"), &[("tplf", "TPLF")]),
        ("وأعلنت جبهة تحرير شعب تيغراي قبول الهدنة.", Some("2022-11-02"), &[("tplf", "جبهة تحرير شعب تيغراي")]),
        ("Tigrayan forces entered Mekelle.", Some("2021-06-28"), &[("tplf", "Tigrayan forces")]),
        ("Debretsion Gebremichael accused Abiy Ahmed of genocide.", Some("2021-07-01"), &[("tplf", "Debretsion Gebremichael"), ("ethiopia", "Abiy Ahmed")]),
        ("The ENDF shelled the town.", Some("2021-07-01"), &[("ethiopia", "ENDF")]),
        ("ورفض آبي أحمد الوساطة.", Some("2021-07-01"), &[("ethiopia", "آبي أحمد")]),
        ("Fano militias clashed with the army in Amhara.", D2024, &[("fano", "Fano militias")]),
        ("The OLA denied the killings.", D2024, &[("ola", "OLA")]),
        ("وهاجم جيش تحرير أورومو قافلة.", D2024, &[("ola", "جيش تحرير أورومو")]),
    ]);
}

#[test]
fn somalia() {
    check(&[
        ("Al-Shabaab claimed the attack in Mogadishu.", D2024, &[("al-shabaab", "Al-Shabaab")]),
        ("تبنت حركة الشباب الهجوم.", D2024, &[("al-shabaab", "حركة الشباب")]),
        ("AMISOM troops retook the town.", Some("2015-03-01"), &[("atmis", "AMISOM")]),
        ("ATMIS handed over the base.", D2024, &[("atmis", "ATMIS")]),
        ("رحب حسن شيخ محمود بالدعم.", D2024, &[("somalia", "حسن شيخ محمود")]),
    ]);
}

#[test]
fn sahel() {
    check(&[
        ("JNIM claimed the attack near Timbuktu.", D2024, &[("jnim", "JNIM")]),
        ("تبنت جماعة نصرة الإسلام والمسلمين الهجوم.", D2024, &[("jnim", "جماعة نصرة الإسلام والمسلمين")]),
        ("Iyad Ag Ghaly called for jihad.", D2024, &[("jnim", "Iyad Ag Ghaly")]),
        ("The Islamic State Sahel Province attacked the army.", D2024, &[("isgs", "Islamic State Sahel Province")]),
        ("ISGS fighters attacked Menaka.", D2024, &[("isgs", "ISGS")]),
        ("Assimi Goita thanked Russia.", D2024, &[("mali", "Assimi Goita"), ("russia", "Russia")]),
        ("The Africa Corps replaced Wagner in Mali.", D2024, &[("wagner", "Africa Corps"), ("wagner", "Wagner")]),
        ("وصل عناصر الفيلق الأفريقي إلى باماكو.", D2024, &[("wagner", "الفيلق الأفريقي")]),
        // A junta folds into its state: Burkina Faso's article (dateline).
        ("Ouagadougou - The junta expelled the French ambassador.", D2024, &[("burkina-faso", "junta")]),
    ]);
}

#[test]
fn ukraine() {
    check(&[
        ("Zelensky urged more air defence.", D2024, &[("ukraine", "Zelensky")]),
        ("ودعا زيلينسكي إلى مزيد من الدعم.", D2024, &[("ukraine", "زيلينسكي")]),
        ("Putin ordered the offensive.", D2024, &[("russia", "Putin")]),
        ("The Armed Forces of Ukraine shot down the drones.", D2024, &[("ukraine", "Armed Forces of Ukraine")]),
        ("Valery Gerasimov inspected the troops.", D2024, &[("russia", "Valery Gerasimov")]),
        ("وأعلنت وزارة الدفاع الروسية السيطرة على بوكروفسك.", D2024, &[("russia", "وزارة الدفاع الروسية")]),
        ("Denis Pushilin said the DPR would join Russia.", Some("2022-09-20"), &[("dpr", "Denis Pushilin"), ("dpr", "DPR"), ("russia", "Russia")]),
    ]);
}

#[test]
fn libya_across_time() {
    check(&[
        // "The Tripoli government" sat in Tripoli on the article's date.
        ("The Tripoli government rejected the vote.", Some("2015-06-01"), &[("gnc", "Tripoli government")]),
        ("The Tripoli government rejected the vote.", Some("2018-06-01"), &[("gna", "Tripoli government")]),
        ("The Tripoli government rejected the vote.", Some("2022-06-01"), &[("gnu", "Tripoli government")]),
        ("رفضت حكومة طرابلس القرار.", Some("2015-06-01"), &[("gnc", "حكومة طرابلس")]),
        ("رفضت حكومة طرابلس القرار.", Some("2019-06-01"), &[("gna", "حكومة طرابلس")]),
        // A government the article names decides first.
        (
            "Dbeibah's government said the Tripoli government would not step down.",
            None,
            &[("gnu", "Dbeibah's government"), ("gnu", "Tripoli government")],
        ),
        ("The General National Congress rejected the deal.", Some("2015-06-01"), &[("gnc", "General National Congress")]),
        ("ورفض المؤتمر الوطني العام الاتفاق.", Some("2015-06-01"), &[("gnc", "المؤتمر الوطني العام")]),
        ("Nouri Abusahmain rejected the UN plan.", Some("2015-06-01"), &[("gnc", "Nouri Abusahmain")]),
        ("رفض خليفة الغويل تسليم السلطة.", Some("2016-04-01"), &[("gnc", "خليفة الغويل")]),
        ("Libya Dawn forces took Tripoli airport.", Some("2014-08-24"), &[("libya-dawn", "Libya Dawn forces")]),
        ("وسيطرت قوات فجر ليبيا على المطار.", Some("2014-08-24"), &[("libya-dawn", "قوات فجر ليبيا")]),
        ("وقال عبد الله الثني إن حكومته شرعية.", Some("2015-06-01"), &[("interim-government", "عبد الله الثني")]),
        ("Thinni's government backed the LNA.", Some("2016-06-01"), &[("interim-government", "Thinni's government"), ("lna", "LNA")]),
        // In a Libya article the interim government is al-Thinni's.
        (
            "بنغازي - رحبت الحكومة المؤقتة بتقدم الجيش الوطني الليبي.",
            Some("2017-06-01"),
            &[("interim-government", "الحكومة المؤقتة"), ("lna", "الجيش الوطني الليبي")],
        ),
        ("The Benghazi Revolutionaries Shura Council shelled the port.", Some("2016-01-01"), &[("benghazi-shura-council", "Benghazi Revolutionaries Shura Council")]),
        ("ورحب باتيلي بالاتفاق.", Some("2023-06-01"), &[("unsmil", "باتيلي")]),
        ("Hanna Tetteh briefed the Council.", Some("2025-06-01"), &[("unsmil", "Hanna Tetteh")]),
        ("Bernardino Leon presented the draft.", Some("2015-06-01"), &[("unsmil", "Bernardino Leon")]),
    ]);
}

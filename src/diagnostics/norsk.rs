//! The problems people meet most, in Norwegian (issue 21: stderr follows
//! `--lang`): unknown ids, levels and dates that are not, stale and expired
//! assessments, people without a role, key-person risks. Each message is
//! matched against its English wording, `{}` standing for a value taken
//! as it is, and said again in bokmål with the same values. A message not
//! in the table stays English; `tests/norwegian.rs` lists which kinds are
//! translated and which are not yet.

/// (English, bokmål): the same `{}` in the same order.
const MESSAGES: &[(&str, &str)] = &[
    (
        "stale: '{}' in '{}' was assessed {}, before {} (reassess it)",
        "foreldet: '{}' i '{}' ble vurdert {}, før {} (vurder på nytt)",
    ),
    (
        "person '{}' has no role, so no role gap can be computed for them",
        "personen '{}' har ingen rolle, så ingen rollegap kan regnes ut for dem",
    ),
    (
        "key-person risk: only '{}' holds '{}' at level {} or above",
        "nøkkelpersonrisiko: bare '{}' har '{}' på nivå {} eller høyere",
    ),
    (
        "key-person risk: nobody holds '{}' at level {} or above",
        "nøkkelpersonrisiko: ingen har '{}' på nivå {} eller høyere",
    ),
    (
        "key-person risk: the only holder of '{}' at level {} or above leaves before need '{}' is due {}: {}",
        "nøkkelpersonrisiko: den eneste som har '{}' på nivå {} eller høyere, slutter før behovet '{}' har frist {}: {}",
    ),
    (
        "key-person risk: every holder of '{}' at level {} or above leaves before need '{}' is due {}: {}",
        "nøkkelpersonrisiko: alle som har '{}' på nivå {} eller høyere, slutter før behovet '{}' har frist {}: {}",
    ),
    ("unknown skill '{}'", "ukjent kompetanse '{}'"),
    (
        "unknown person '{}': not in the people file (add them to it, or correct the id)",
        "ukjent person '{}': ikke i personfila (legg personen til der, eller rett id-en)",
    ),
    (
        "{} is not a date; write it like 2027-06-30",
        "{} er ikke en dato; skriv den som 2027-06-30 eller 30.06.2027",
    ),
    (
        "level '{}': '{}' is not a level name (use {})",
        "nivå '{}': '{}' er ikke et nivånavn (bruk {})",
    ),
    (
        "need level {} is not a level from {} to {} ({})",
        "behovets nivå {} er ikke et nivå fra {} til {} ({})",
    ),
    (
        "need level {} must be a whole number or a level name",
        "behovets nivå {} må være et heltall eller et nivånavn",
    ),
    ("unknown role '{}'", "ukjent rolle '{}'"),
    ("unknown driver '{}'", "ukjent drivkraft '{}'"),
    (
        "this row has {} fields but the header has {} (a stray or missing delimiter?)",
        "denne raden har {} felt, men overskriftsraden har {} (et skilletegn for mye eller for lite?)",
    ),
    (
        "{} more stale assessments not listed",
        "{} flere foreldede vurderinger er ikke listet",
    ),
    (
        "need '{}': unit '{}' has no people (a planned unit?); all {} must be recruited",
        "behov '{}': enheten '{}' har ingen personer (en planlagt enhet?); alle {} må rekrutteres",
    ),
    (
        "level '{}' is not on the scale: use {} to {} or {}",
        "nivå '{}' er ikke på skalaen: bruk {} til {} eller {}",
    ),
    (
        "level '{}' is not a whole number: levels are whole numbers from {} to {} (or {})",
        "nivå '{}' er ikke et heltall: nivåer er heltall fra {} til {} (eller {})",
    ),
    (
        "{} '{}' is not a real date",
        "{} '{}' er ikke en virkelig dato",
    ),
    (
        "{} '{}' is ambiguous (day/month or month/day?): write it as YYYY-MM-DD or DD.MM.YYYY",
        "{} '{}' er tvetydig (dag/måned eller måned/dag?): skriv den som ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ",
    ),
    (
        "{} '{}' is a US-style date (month/day): write it as {} or {}",
        "{} '{}' er en amerikansk dato (måned/dag): skriv den som {} eller {}",
    ),
    (
        "{} '{}' has a two-digit year: write it as YYYY-MM-DD or DD.MM.YYYY",
        "{} '{}' har tosifret årstall: skriv den som ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ",
    ),
    (
        "the cell holds the error {}: fix it or type the value",
        "cellen inneholder feilen {}: rett den eller skriv inn verdien",
    ),
    (
        "column '{}' is ignored (known columns: {})",
        "kolonnen '{}' blir ikke lest (kjente kolonner: {})",
    ),
    (
        "column '{}' appears twice in the header",
        "kolonnen '{}' står to ganger i overskriftsraden",
    ),
    (
        "interest '{}' must be yes/no, true/false, ja/nei or 1/0 (blank = no)",
        "interesse '{}' må være ja/nei, yes/no, true/false eller 1/0 (tom = nei)",
    ),
    (
        "assessment file has neither a 'skill' column (long format) nor a 'person' or 'id' column (wide format): row 1 holds '{}'; the header row, the one naming 'person', must be among the first 10 rows",
        "vurderingsfila har verken en 'skill'-kolonne (langt format) eller en 'person'- eller 'id'-kolonne (bredt format): rad 1 har '{}'; overskriftsraden, den som har 'person', må være blant de 10 første radene",
    ),
];

/// "(did you mean 'x'?)" at the end of a message.
const HINT: (&str, &str) = (" (did you mean '", " (mente du '");

/// `message` in bokmål, or None when it is not one of those translated. A
/// problem in a cell ("column 'X' (cell D2): ...") says its place in
/// bokmål too ("kolonne 'X' (celle D2): ...").
pub fn translate(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("column '") {
        let place = rest
            .find("' (cell ")
            .and_then(|at| rest[at..].find("): ").map(|end| (at, at + end + 3)))
            .or_else(|| rest.find("': ").map(|at| (at, at + 3)));
        if let Some((name_end, body)) = place {
            let name = &rest[..name_end];
            let cell = rest[name_end..body]
                .trim_start_matches("' (cell ")
                .trim_end_matches("): ")
                .trim_start_matches("': ");
            let said = translate(&rest[body..])?;
            return Some(match rest[name_end..body].starts_with("' (cell ") {
                true => format!("kolonne '{name}' (celle {cell}): {said}"),
                false => format!("kolonne '{name}': {said}"),
            });
        }
    }
    translate_one(message)
}

fn translate_one(message: &str) -> Option<String> {
    // A suggestion at the end is said apart from the message.
    let (body, hint) = match message.rfind(HINT.0) {
        Some(at) if message.ends_with("'?)") => {
            (&message[..at], Some(&message[at + HINT.0.len()..]))
        }
        _ => (message, None),
    };
    let said = MESSAGES
        .iter()
        .find_map(|(en, nb)| values(en, body).map(|values| fill(nb, &values)))?;
    Some(match hint {
        Some(rest) => format!("{said}{}{rest}", HINT.1),
        None => said,
    })
}

/// The values of `text` where `template` has `{}`, when the rest matches.
fn values<'a>(template: &str, text: &'a str) -> Option<Vec<&'a str>> {
    let mut parts = template.split("{}");
    let mut rest = text.strip_prefix(parts.next()?)?;
    let parts: Vec<&str> = parts.collect();
    let mut values = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let at = match (part.is_empty(), last) {
            // The value runs to the end.
            (true, true) => rest.len(),
            (false, true) => rest.strip_suffix(part).map(str::len)?,
            (true, false) => return None,
            (false, false) => rest.find(part)?,
        };
        values.push(&rest[..at]);
        rest = &rest[at + part.len()..];
    }
    rest.is_empty().then_some(values)
}

fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut values = values.iter();
    for (i, part) in template.split("{}").enumerate() {
        if i > 0 {
            out.push_str(values.next().copied().unwrap_or_default());
        }
        out.push_str(part);
    }
    out
}

/// How many messages are translated (for the list in the test).
pub fn translated() -> usize {
    MESSAGES.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_problems_in_bokmal() {
        assert_eq!(
            translate(
                "stale: 'kari' in 'rust' was assessed 2022-09-15, before 2024-11-26 (reassess it)"
            )
            .as_deref(),
            Some(
                "foreldet: 'kari' i 'rust' ble vurdert 2022-09-15, før 2024-11-26 (vurder på nytt)"
            )
        );
        assert_eq!(
            translate("unknown skill 'rsut' (did you mean 'rust'?)").as_deref(),
            Some("ukjent kompetanse 'rsut' (mente du 'rust'?)")
        );
        assert_eq!(
            translate("key-person risk: only 'liv' holds 'barekraft' at level 3 or above")
                .as_deref(),
            Some("nøkkelpersonrisiko: bare 'liv' har 'barekraft' på nivå 3 eller høyere")
        );
        // Not one of those translated: stays English.
        assert_eq!(translate("a message nobody wrote"), None);
        assert_eq!(
            translate("column 'level' (cell C3): level 'expret' is not on the scale: use 0 to 4 or none, basic (did you mean 'expert'?)").as_deref(),
            Some("kolonne 'level' (celle C3): nivå 'expret' er ikke på skalaen: bruk 0 til 4 eller none, basic (mente du 'expert'?)")
        );
        assert_eq!(
            translate("column 'Ansattnr': unknown person '1009': not in the people file (add them to it, or correct the id)").as_deref(),
            Some("kolonne 'Ansattnr': ukjent person '1009': ikke i personfila (legg personen til der, eller rett id-en)")
        );
        // Each template has as many values in both languages.
        for (en, nb) in MESSAGES {
            assert_eq!(en.matches("{}").count(), nb.matches("{}").count(), "{en}");
        }
    }

    #[test]
    fn a_value_may_hold_the_words_around_it() {
        // A person id with an apostrophe and "in" in it.
        let en = "stale: 'o'brien in it' in 'rust' was assessed 2022-01-01, before 2024-11-26 (reassess it)";
        let nb = translate(en).unwrap();
        assert!(nb.starts_with("foreldet: 'o'brien in it' i 'rust'"), "{nb}");
    }
}

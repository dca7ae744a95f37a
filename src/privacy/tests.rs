use super::*;

const SALT: &str = "0123456789abcdef-test";

fn org() -> Organisation {
    let mut org = Organisation::default();
    org.people.push("1006", Some("Kari O'Brien"), None, None);
    org.people.push("ola", Some("Ola Nordmann"), None, None);
    org.people.push("eva", Some("Ola Nordmann"), None, None);
    org.units.push("helse/sykehjem".into());
    org.scale.levels = vec!["ingen".into(), "god".into()];
    org
}

#[test]
fn a_pseudonym_is_p_and_64_bits_of_the_keyed_hmac() {
    let p = Pseudonyms::new(Some(SALT)).expect("a long salt");
    let a = p.of("1006");
    assert_eq!(a.len(), 2 + PSEUDONYM_HEX);
    assert!(is_pseudonym(&a), "{a}");
    // Same salt, same pseudonym (reports can be joined); another salt, another.
    assert_eq!(a, Pseudonyms::new(Some(SALT)).expect("salt").of("1006"));
    let other = Pseudonyms::new(Some("another salt, long enough")).expect("salt");
    assert_ne!(a, other.of("1006"));
    assert_ne!(a, p.of("1007"));
}

#[test]
fn the_pseudonym_is_hmac_sha256_of_the_id_keyed_by_the_salt() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    // gives 5bdcc146bf60754e6a042426089575c7... : the first 16 hex digits.
    let p = Pseudonyms::with_length("Jefe", PSEUDONYM_HEX);
    assert_eq!(p.of("what do ya want for nothing?"), "p-5bdcc146bf60754e");
}

#[test]
fn no_salt_or_a_short_one_is_refused() {
    assert_eq!(Pseudonyms::new(None).err(), Some(PseudonymError::NoSalt));
    assert_eq!(
        Pseudonyms::new(Some("")).err(),
        Some(PseudonymError::NoSalt)
    );
    assert_eq!(
        Pseudonyms::new(Some("kort")).err(),
        Some(PseudonymError::ShortSalt(4))
    );
    let message = PseudonymError::NoSalt.to_string();
    assert!(message.contains("KOMPETANSE_SALT"), "{message}");
}

#[test]
fn ids_are_replaced_names_removed_and_the_rest_kept() {
    let p = Pseudonyms::new(Some(SALT)).expect("salt");
    let mut before = org();
    before.people.set_unit(1, Some(0));
    let after = p.organisation(before.clone()).expect("no collision");
    assert_eq!(after.people.len(), 3);
    for person in 0..3 {
        assert_eq!(after.people.id(person), p.of(before.people.id(person)));
        assert_eq!(after.people.name(person), None);
        assert_eq!(after.people.unit(person), before.people.unit(person));
    }
    assert_eq!(p.lookup(&after, "ola"), Some(1), "by the real id");
    assert_eq!(p.lookup(&after, &p.of("eva")), Some(2), "by the pseudonym");
    assert_eq!(p.lookup(&after, "nobody"), None);
}

#[test]
fn a_collision_is_an_error_never_two_people_merged() {
    // With one hex digit there are 16 pseudonyms: 17 people must collide.
    let p = Pseudonyms::with_length(SALT, 1);
    let mut org = Organisation::default();
    for i in 0..17 {
        org.people.push(&format!("id{i}"), None, None, None);
    }
    assert!(matches!(
        p.organisation(org),
        Err(PseudonymError::Collision(_))
    ));
}

#[test]
fn messages_keep_vocabulary_and_dates_and_hide_the_rest() {
    let p = Pseudonyms::new(Some(SALT)).expect("salt");
    let r = Rewriter::new(&p, Some(&org()));
    let kari = p.of("1006");
    assert_eq!(
        r.message("stale: '1006' in 'helse/sykehjem' was assessed 2024-01-20"),
        format!("stale: '{kari}' in 'helse/sykehjem' was assessed 2024-01-20")
    );
    // A name with a quote in it is still one value.
    assert_eq!(
        r.message("person '1006' has name 'Kari O'Brien' here but 'K. OBrien' at x:3"),
        format!("person '{kari}' has name '{kari}' here but '[hidden]' at x:3")
    );
    // A misspelt id and a number are hidden; a suggestion is a pseudonym.
    assert_eq!(
        r.message("unknown person '1060': not in the people file (did you mean '1006'?)"),
        format!("unknown person '[hidden]': not in the people file (did you mean '{kari}'?)")
    );
    // A name two people share cannot be given either's pseudonym.
    assert_eq!(r.message("name 'Ola Nordmann'"), "name '[hidden]'");
    assert_eq!(
        r.message("level 'god', column 'Navn', date '2026-01-02', ''"),
        "level 'god', column 'Navn', date '2026-01-02', ''"
    );
    // An apostrophe in a word opens nothing.
    assert_eq!(
        r.message("Excel's 'x' and 'ola'"),
        format!("Excel's '[hidden]' and '{}'", p.of("ola"))
    );
}

#[test]
fn without_an_organisation_every_quoted_value_is_hidden() {
    let p = Pseudonyms::new(Some(SALT)).expect("salt");
    let r = Rewriter::new(&p, None);
    assert_eq!(
        r.message("person 'kari' at 'x'"),
        "person '[hidden]'",
        "unknown values in a row are hidden as one"
    );
}

#[test]
fn a_value_holding_quotes_is_hidden_whole() {
    // Issue 27, F12: an unknown id with `' ` in it leaked its tail.
    let p = Pseudonyms::new(Some(SALT)).expect("salt");
    let r = Rewriter::new(&p, Some(&org()));
    let kari = p.of("1006");
    let template = |id: &str| {
        format!(
            "column 'person' (cell A14): unknown person '{id}': not in the people file (did you mean '1006'?)"
        )
    };
    for id in [
        "X' 5 SECRETD",
        "X' 5 'SECRETD",
        "' 5 SECRETD",
        "X' 'god' SECRETD",
        "1006' SECRETD",
    ] {
        let shown = r.message(&template(id));
        assert!(!shown.contains("SECRET"), "{id}: {shown}");
        assert!(!shown.contains(" 5 "), "{id}: {shown}");
        assert!(
            shown.starts_with("column 'person' (cell A14): unknown person '[hidden]'"),
            "{id}: {shown}"
        );
        assert!(
            shown.ends_with(&format!("(did you mean '{kari}'?)")),
            "{id}: {shown}"
        );
    }
    // A value ending in a quote may take the rest of the message with it.
    for id in ["X'SECRETD'", "SECRETD'"] {
        let shown = r.message(&template(id));
        assert!(!shown.contains("SECRET"), "{id}: {shown}");
    }
    // A quote never closed hides the rest.
    assert_eq!(r.message("person 'X 5 SECRET"), "person '[hidden]'");
}

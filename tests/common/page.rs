//! The `report` page and its parts: the page shows each part's tables as
//! the part's own HTML report shows them, byte for byte.

/// Each table of an HTML page, from `<table` to `</table>`.
pub fn tables(html: &str) -> Vec<&str> {
    html.match_indices("<table")
        .map(|(i, _)| {
            let rest = &html[i..];
            &rest[..rest
                .find("</table>")
                .map_or(rest.len(), |e| e + "</table>".len())]
        })
        .collect()
}

/// The section `id` of a page, from its opening tag to its end.
pub fn section<'a>(page: &'a str, id: &str) -> &'a str {
    let open = format!("<section id=\"{id}\"");
    let Some(start) = page.find(&open) else {
        return "";
    };
    let rest = &page[start..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

/// Asserts the page's section `id` holds every table of `part`, a report's
/// own HTML page.
pub fn shows_tables(page: &str, id: &str, part: &str) {
    let section = section(page, id);
    let tables = tables(part);
    assert!(!tables.is_empty(), "the part has no table");
    for table in tables {
        // From the caption's end: a page's caption is its section's.
        let table = &table[table
            .find("</caption>")
            .map_or(0, |i| i + "</caption>".len())..];
        assert!(
            section.contains(table),
            "section {id} lacks the table\n{table}"
        );
    }
}

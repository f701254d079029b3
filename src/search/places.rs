//! The places of the catalog's area (`content/places.yaml`): communes,
//! wards, former districts, islands, bays, heritage sites. A query that
//! names one ("cây xanh đô thị ở Móng Cái") is about that place, but the
//! place is a qualifier, not a word an entry must have: entries that name
//! it come first, and the others follow (the understanding script,
//! `theme/search/understand/places.js`).
//!
//! A place is compared by its letters run together, folded ([`key`]), so
//! "Hạ Long", "ha long" and "halong" are one place; a part the reader
//! typed with marks must have the place's marks (`placeIn` in the page).
//! `tests/understanding-vectors.json` holds the cases both sides check.

use super::tokenize::{for_each_word, forms_into};

/// A place's name as the page compares it: its words' folded letters,
/// run together ("Móng Cái 1" → "mongcai1"). Empty when it has no word.
pub fn key(name: &str) -> String {
    letters(name).1
}

/// The same letters with their marks, lower-cased ("móngcái1"): a name
/// written without marks is typed the same as every name of its key.
pub fn written(name: &str) -> String {
    letters(name).0
}

fn letters(name: &str) -> (String, String) {
    let (mut exact, mut folded) = (String::new(), String::new());
    let (mut written, mut key) = (String::new(), String::new());
    for_each_word(name, |word, _| {
        forms_into(word, &mut exact, &mut folded);
        written.push_str(&exact);
        key.push_str(&folded);
    });
    (written, key)
}

/// The first two words, folded and joined by a space, of the places
/// whose every word is a word of the catalog (`is_term`; numbers always
/// are): a query with two such words side by side may name a place
/// although all its words are the catalog's, so the page understands it
/// (the index's `name_leads`). A place with a word the catalog lacks makes
/// its query understood anyway. Two words, not one: "co" of "Cô Tô" would
/// send every "co so du lieu" through the understanding script.
pub fn leads(places: &[String], is_term: impl Fn(&str) -> bool) -> Vec<String> {
    let mut leads = Vec::new();
    for place in places {
        let mut words = Vec::new();
        let (mut exact, mut folded) = (String::new(), String::new());
        for_each_word(place, |word, _| {
            forms_into(word, &mut exact, &mut folded);
            words.push(folded.clone());
        });
        let known = |w: &String| w.bytes().all(|b| b.is_ascii_digit()) || is_term(w);
        if words.len() > 1 && words.iter().all(known) {
            leads.push(format!("{} {}", words[0], words[1]));
        }
    }
    leads
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_key_is_what_the_page_compares() {
        // The same cases are checked against search-understand.js.
        #[derive(serde::Deserialize)]
        struct Vectors {
            place_keys: Vec<(String, String, String)>,
        }
        let vectors: Vectors = serde_json::from_str(include_str!("../../tests/understanding-vectors.json")).unwrap();
        assert!(vectors.place_keys.len() >= 6);
        for (name, expected_key, expected_written) in vectors.place_keys {
            assert_eq!(key(&name), expected_key, "key of {name:?}");
            assert_eq!(written(&name), expected_written, "written letters of {name:?}");
        }
    }

    #[test]
    fn only_places_made_of_catalog_words_are_leads() {
        let places = ["Hạ Long", "Móng Cái", "Móng Cái 1", "Vân Đồn", "Yên Tử"].map(String::from);
        let terms = ["ha", "long", "van", "don", "mong", "yen"];
        let found = leads(&places, |w| terms.contains(&w));
        assert_eq!(found, ["ha long", "van don"]);
        let with_cai = leads(&places, |w| terms.contains(&w) || w == "cai");
        assert_eq!(with_cai, ["ha long", "mong cai", "mong cai", "van don"]);
    }
}

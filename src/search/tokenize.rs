//! The tokenizer shared with the browser (`theme/search/text.js`): words,
//! their exact and folded forms. `tests/search-vectors.json` holds the
//! cases both implementations are checked against.

use unicode_normalization::char::is_combining_mark;

/// Splits text into words: NFC, then maximal runs of letters, marks and
/// digits (Unicode Alphabetic, Mark or Numeric). Marks count as word
/// characters so that a stray combining accent left after NFC does not cut
/// a word in two; so do invisible characters (a zero-width space pasted
/// into "đ​ất"), which [`forms_into`] then drops. A run of invisible
/// characters alone is no word.
///
/// `each` gets every word as it stands in the NFC text and its position
/// (the n-th word of the text); [`forms_into`] gives its lower-case and
/// folded forms. A catalog uses a few thousand distinct words, so the
/// index makes each word's forms once per chunk of entries instead of once
/// per occurrence.
pub fn for_each_word(text: &str, mut each: impl FnMut(&str, u32)) {
    let text = crate::text::nfc_cow(text);
    let mut position = 0;
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let in_word = match c.is_ascii() {
            true => c.is_ascii_alphanumeric(),
            false => {
                crate::text::is_vietnamese_letter(c)
                    || c.is_alphabetic()
                    || c.is_numeric()
                    || is_combining_mark(c)
                    || crate::text::is_invisible(c)
            }
        };
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = &text[s..i];
                if !word.chars().all(crate::text::is_invisible) {
                    each(word, position);
                    position += 1;
                }
                start = None;
            }
            _ => {}
        }
    }
}

/// A word's exact and folded forms, into reused buffers. The exact form
/// is lower case, without invisible characters, and with its tone in the
/// traditional placement ("hoà" → "hòa", [`crate::text::traditional_tone`]),
/// so that both spellings are one word.
pub fn forms_into(word: &str, exact: &mut String, folded: &mut String) {
    exact.clear();
    folded.clear();
    // Most words of a Vietnamese text are short; ASCII ones need neither
    // Unicode lower-casing nor folding.
    if word.is_ascii() {
        exact.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        folded.push_str(exact);
    } else {
        match word.contains('Σ') {
            // A final sigma lower-cases by context.
            true => exact.push_str(&word.to_lowercase()),
            false => exact.extend(word.chars().flat_map(char::to_lowercase)),
        }
        if exact.contains(crate::text::is_invisible) {
            exact.retain(|c| !crate::text::is_invisible(c));
        }
        if let std::borrow::Cow::Owned(traditional) = crate::text::traditional_tone(exact) {
            *exact = traditional;
        }
        crate::text::fold_into(exact, folded);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    /// One word of a text, with its forms.
    struct Token {
        exact: String,
        folded: String,
        position: u32,
    }

    fn tokenize(text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        for_each_word(text, |word, position| {
            let (mut exact, mut folded) = (String::new(), String::new());
            forms_into(word, &mut exact, &mut folded);
            tokens.push(Token { exact, folded, position });
        });
        tokens
    }

    #[derive(Deserialize)]
    struct Vector {
        input: String,
        exact: Vec<String>,
        folded: Vec<String>,
    }

    /// The same vectors are checked by the JavaScript tokenizer's tests, so
    /// index time and query time cannot drift apart.
    #[test]
    fn tokenizer_matches_the_shared_vectors() {
        let text = include_str!("../../tests/search-vectors.json");
        let vectors: Vec<Vector> = serde_json::from_str(text).unwrap();
        assert!(vectors.len() >= 20);
        for v in vectors {
            let tokens = tokenize(&v.input);
            let exact: Vec<&str> = tokens.iter().map(|t| t.exact.as_str()).collect();
            let folded: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
            assert_eq!(exact, v.exact, "exact forms of {:?}", v.input);
            assert_eq!(folded, v.folded, "folded forms of {:?}", v.input);
        }
    }

    #[test]
    fn vietnamese_letters_are_word_characters() {
        let fast: Vec<char> = ('\u{80}'..='\u{2000}').filter(|&c| crate::text::is_vietnamese_letter(c)).collect();
        assert!(fast.len() > 700 && fast.contains(&'đ') && fast.contains(&'ữ') && fast.contains(&'\u{301}'));
        for c in fast {
            assert!(c.is_alphabetic() || is_combining_mark(c), "{c:?}");
        }
    }

    #[test]
    fn positions_count_words() {
        let positions: Vec<u32> = tokenize("Quản lý, dữ-liệu").iter().map(|t| t.position).collect();
        assert_eq!(positions, [0, 1, 2, 3]);
    }
}

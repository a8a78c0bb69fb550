//! Text folding shared by the server's SQL search and the app's offline search, so that
//! a quick search finds the same rows online and offline.

/// Lower-cases and strips Portuguese/Spanish diacritics: `"JOSÉ Açaí"` → `"jose acai"`.
pub fn fold(s: &str) -> String {
    s.chars().flat_map(fold_char).collect()
}

fn fold_char(c: char) -> impl Iterator<Item = char> {
    let base = match c {
        'á' | 'à' | 'â' | 'ã' | 'ä' | 'Á' | 'À' | 'Â' | 'Ã' | 'Ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        other => other,
    };
    base.to_lowercase()
}

/// Keeps only ASCII digits: `"12.345.678/0001-95"` → `"12345678000195"`.
pub fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("JOSÉ Açaí São Paulo Ñandú"), "jose acai sao paulo nandu");
        assert_eq!(fold("<script>"), "<script>");
    }

    #[test]
    fn digits_strips_punctuation() {
        assert_eq!(digits("12.345.678/0001-95"), "12345678000195");
    }
}

/// Decodes the numeric HTML entities (`&#231;`) and the few named ones that Protheus's
/// `FWHttpEncode` puts into messages, so that people read "ç", not "&#231;".
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let decoded = tail.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &tail[1..end];
            let c = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => None,
                }
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod entity_tests {
    use super::decode_entities;

    #[test]
    fn decodes_protheus_entities_and_keeps_the_rest() {
        assert_eq!(decode_entities("Usu&#225;rio n&#227;o relacionado"), "Usuário não relacionado");
        assert_eq!(decode_entities("a &amp; b &lt;c&gt; &#x41;"), "a & b <c> A");
        assert_eq!(decode_entities("R&D & co; &unknown;"), "R&D & co; &unknown;");
    }
}

//! Brazilian taxpayer ids: CNPJ (companies, 14 digits) and CPF (people, 11 digits).
//! Check digits are validated before anything is sent, and ids are shown masked.

use crate::text::digits;

/// Which kind of id a string holds, judged by its digit count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaxIdKind {
    Cpf,
    Cnpj,
}

/// Why a tax id was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaxIdError {
    /// Not 11 (CPF) or 14 (CNPJ) digits.
    Length,
    /// All digits equal, e.g. `111.111.111-11`: passes the arithmetic, never issued.
    Repeated,
    /// The check digits do not match.
    CheckDigits,
}

/// Validates a CPF or CNPJ, punctuation allowed. Returns the kind on success.
pub fn validate(input: &str) -> Result<TaxIdKind, TaxIdError> {
    let d: Vec<u32> = digits(input).chars().filter_map(|c| c.to_digit(10)).collect();
    let kind = match d.len() {
        11 => TaxIdKind::Cpf,
        14 => TaxIdKind::Cnpj,
        _ => return Err(TaxIdError::Length),
    };
    if d.iter().all(|&x| x == d[0]) {
        return Err(TaxIdError::Repeated);
    }
    let body = &d[..d.len() - 2];
    let expected = check_digits(kind, body);
    if d[d.len() - 2..] == expected {
        Ok(kind)
    } else {
        Err(TaxIdError::CheckDigits)
    }
}

/// Computes the two check digits for the 9 (CPF) or 12 (CNPJ) leading digits.
pub fn check_digits(kind: TaxIdKind, body: &[u32]) -> [u32; 2] {
    let weights = |len: usize| -> Vec<u32> {
        match kind {
            // CPF: weights len+1 down to 2.
            TaxIdKind::Cpf => (2..=len as u32 + 1).rev().collect(),
            // CNPJ: 2..9 repeating from the right.
            TaxIdKind::Cnpj => (0..len).rev().map(|i| (i as u32 % 8) + 2).collect(),
        }
    };
    let dv = |digits: &[u32]| -> u32 {
        let sum: u32 = digits.iter().zip(weights(digits.len())).map(|(a, b)| a * b).sum();
        let r = sum % 11;
        if r < 2 {
            0
        } else {
            11 - r
        }
    };
    let first = dv(body);
    let mut with_first = body.to_vec();
    with_first.push(first);
    [first, dv(&with_first)]
}

/// Shows an id with its usual mask; anything that is not 11 or 14 digits is returned as typed.
pub fn mask(input: &str) -> String {
    let d = digits(input);
    match d.len() {
        11 => format!("{}.{}.{}-{}", &d[0..3], &d[3..6], &d[6..9], &d[9..11]),
        14 => format!("{}.{}.{}/{}-{}", &d[0..2], &d[2..5], &d[5..8], &d[8..12], &d[12..14]),
        _ => input.trim().to_string(),
    }
}

/// Whether a typed or pasted id holds only digits and its mask's characters (dots, slash,
/// dash, spaces): `abc` around the digits is a typo, not a mask, and is refused as such.
/// ```
/// use mascate_domain::tax_id::only_mask_characters;
/// assert!(only_mask_characters(" 11.222.333/0001-81 "));
/// assert!(!only_mask_characters("CPF 52998224725"));
/// ```
pub fn only_mask_characters(input: &str) -> bool {
    input.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | '-' | ' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_valid_ids_pass() {
        // Public example ids used in Brazilian documentation.
        assert_eq!(validate("11.222.333/0001-81"), Ok(TaxIdKind::Cnpj));
        assert_eq!(validate("529.982.247-25"), Ok(TaxIdKind::Cpf));
        assert_eq!(validate("52998224725"), Ok(TaxIdKind::Cpf));
    }

    #[test]
    fn wrong_digits_length_and_repeats_fail() {
        assert_eq!(validate("11.222.333/0001-82"), Err(TaxIdError::CheckDigits));
        assert_eq!(validate("529.982.247-24"), Err(TaxIdError::CheckDigits));
        assert_eq!(validate("1234"), Err(TaxIdError::Length));
        assert_eq!(validate("111.111.111-11"), Err(TaxIdError::Repeated));
    }

    #[test]
    fn check_digits_generate_valid_ids() {
        let body = [1, 1, 2, 2, 2, 3, 3, 3, 0, 0, 0, 1];
        assert_eq!(check_digits(TaxIdKind::Cnpj, &body), [8, 1]);
        let body = [5, 2, 9, 9, 8, 2, 2, 4, 7];
        assert_eq!(check_digits(TaxIdKind::Cpf, &body), [2, 5]);
    }

    #[test]
    fn masks() {
        assert_eq!(mask("11222333000181"), "11.222.333/0001-81");
        assert_eq!(mask("52998224725"), "529.982.247-25");
        assert_eq!(mask(" 123 "), "123");
    }
}

//! The password policy a rep's new password must meet (`POST /api/mascate/v1/account/password`):
//! at least 8 characters (and at most 256, the longest the token call reads), a letter and a
//! digit, not the user name, not the current password. Told to the app as fields and as a
//! sentence in each of its languages ([`policy`]).

use mascate_domain::contract::{PasswordPolicy, PolicyText};

/// The shortest password accepted (also by `mascate-server user password`).
pub const MIN_LEN: usize = 8;
/// The longest: what the token call reads.
pub const MAX_LEN: usize = 256;

/// Why a new password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Weak {
    #[error("A nova senha precisa de pelo menos 8 caracteres.")]
    TooShort,
    #[error("A nova senha pode ter no máximo 256 caracteres.")]
    TooLong,
    #[error("A nova senha precisa de pelo menos uma letra e um dígito.")]
    LetterAndDigit,
    #[error("A nova senha não pode ser o nome de usuário.")]
    UserName,
    #[error("A nova senha precisa ser diferente da atual.")]
    SameAsCurrent,
    #[error("A nova senha não pode ter caracteres de controle.")]
    Control,
}

/// Checks `new` against the policy for `username` whose password is `current`.
pub fn check(new: &str, username: &str, current: &str) -> Result<(), Weak> {
    let count = new.chars().count();
    if count < MIN_LEN {
        return Err(Weak::TooShort);
    }
    if new.len() > MAX_LEN {
        return Err(Weak::TooLong);
    }
    if new.chars().any(char::is_control) {
        return Err(Weak::Control);
    }
    if !new.chars().any(char::is_alphabetic) || !new.chars().any(|c| c.is_ascii_digit()) {
        return Err(Weak::LetterAndDigit);
    }
    if new.trim().to_lowercase() == username.trim().to_lowercase() {
        return Err(Weak::UserName);
    }
    if new == current {
        return Err(Weak::SameAsCurrent);
    }
    Ok(())
}

/// The policy as the account answer carries it.
pub fn policy() -> PasswordPolicy {
    PasswordPolicy {
        min_length: MIN_LEN as u32,
        max_length: MAX_LEN as u32,
        letter: true,
        digit: true,
        not_user_name: true,
        not_current: true,
        text: PolicyText {
            pt_br: "A senha precisa de pelo menos 8 caracteres, com ao menos uma letra e um dígito, e não pode \
                    ser o nome de usuário nem a senha atual."
                .into(),
            en: "The password needs at least 8 characters, with at least one letter and one digit, and cannot be \
                 the user name or the current password."
                .into(),
            es: "La contraseña necesita al menos 8 caracteres, con al menos una letra y un dígito, y no puede ser \
                 el nombre de usuario ni la contraseña actual."
                .into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rule_refuses_with_its_reason() {
        assert_eq!(check("abc12", "ana", "mascate1"), Err(Weak::TooShort));
        assert_eq!(check(&format!("a1{}", "x".repeat(255)), "ana", "mascate1"), Err(Weak::TooLong));
        assert_eq!(check("abcdefgh", "ana", "mascate1"), Err(Weak::LetterAndDigit));
        assert_eq!(check("12345678", "ana", "mascate1"), Err(Weak::LetterAndDigit));
        assert_eq!(check("Joana2024", "joana2024", "mascate1"), Err(Weak::UserName));
        assert_eq!(check("mascate1", "ana", "mascate1"), Err(Weak::SameAsCurrent));
        assert_eq!(check("nova\u{0}senha1", "ana", "mascate1"), Err(Weak::Control));
        assert_eq!(check("Nova-senha-9", "ana", "mascate1"), Ok(()));
        assert!(policy().text.es.contains('8'));
    }
}

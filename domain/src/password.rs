//! The ERP's password policy checked on the device, field by field, before the change is
//! sent (`POST /api/mascate/v1/account/password`): the rules come from the account's
//! [`PasswordPolicy`], so the app refuses exactly what the ERP would and says it beside the
//! field concerned. The ERP still checks everything again.

use crate::contract::PasswordPolicy;

/// Why a field of the password form is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// The field is empty.
    Missing,
    /// Fewer characters than the policy's minimum (carried).
    TooShort(u32),
    /// More characters than the policy's maximum (carried).
    TooLong(u32),
    /// No letter, or no digit, where the policy asks for both.
    LetterAndDigit,
    /// The user name itself (letter case and outer spaces aside).
    UserName,
    /// The current password again.
    SameAsCurrent,
    /// A control character (a pasted line break).
    Control,
    /// The repeated new password differs from the new one.
    Mismatch,
}

/// The current password: only that it was typed (the ERP says whether it matches).
pub fn check_current(current: &str) -> Result<(), PasswordProblem> {
    if current.is_empty() {
        Err(PasswordProblem::Missing)
    } else {
        Ok(())
    }
}

/// The new password against `policy`, for `user_name` whose password is `current` (an empty
/// `current` is not compared: the rep may type the new one first).
pub fn check_new(policy: &PasswordPolicy, new: &str, user_name: &str, current: &str) -> Result<(), PasswordProblem> {
    if new.is_empty() {
        return Err(PasswordProblem::Missing);
    }
    let count = new.chars().count();
    if policy.min_length > 0 && count < policy.min_length as usize {
        return Err(PasswordProblem::TooShort(policy.min_length));
    }
    // The ERP counts the maximum in bytes (what its token call reads).
    if policy.max_length > 0 && new.len() > policy.max_length as usize {
        return Err(PasswordProblem::TooLong(policy.max_length));
    }
    if new.chars().any(char::is_control) {
        return Err(PasswordProblem::Control);
    }
    let letter_missing = policy.letter && !new.chars().any(char::is_alphabetic);
    let digit_missing = policy.digit && !new.chars().any(|c| c.is_ascii_digit());
    if letter_missing || digit_missing {
        return Err(PasswordProblem::LetterAndDigit);
    }
    if policy.not_user_name && new.trim().to_lowercase() == user_name.trim().to_lowercase() {
        return Err(PasswordProblem::UserName);
    }
    if policy.not_current && !current.is_empty() && new == current {
        return Err(PasswordProblem::SameAsCurrent);
    }
    Ok(())
}

/// The new password typed again.
pub fn check_again(new: &str, again: &str) -> Result<(), PasswordProblem> {
    if again.is_empty() {
        Err(PasswordProblem::Missing)
    } else if again != new {
        Err(PasswordProblem::Mismatch)
    } else {
        Ok(())
    }
}

/// Each field's verdict at once, `(current, new, again)`: what the form shows when sent.
pub type FormProblems = (Option<PasswordProblem>, Option<PasswordProblem>, Option<PasswordProblem>);

/// Checks the whole form; `None` everywhere means it may be sent.
pub fn check_form(policy: &PasswordPolicy, user_name: &str, current: &str, new: &str, again: &str) -> FormProblems {
    (check_current(current).err(), check_new(policy, new, user_name, current).err(), check_again(new, again).err())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The policy the stand-in ERP sends.
    fn policy() -> PasswordPolicy {
        PasswordPolicy {
            min_length: 8,
            max_length: 256,
            letter: true,
            digit: true,
            not_user_name: true,
            not_current: true,
            ..Default::default()
        }
    }

    #[test]
    fn each_rule_of_the_new_password_refuses_with_its_reason() {
        let p = policy();
        assert_eq!(check_new(&p, "", "ana", "mascate1"), Err(PasswordProblem::Missing));
        assert_eq!(check_new(&p, "abc12", "ana", "mascate1"), Err(PasswordProblem::TooShort(8)));
        assert_eq!(check_new(&p, &format!("a1{}", "x".repeat(255)), "ana", "m"), Err(PasswordProblem::TooLong(256)));
        assert_eq!(check_new(&p, "abcdefgh", "ana", "mascate1"), Err(PasswordProblem::LetterAndDigit));
        assert_eq!(check_new(&p, "12345678", "ana", "mascate1"), Err(PasswordProblem::LetterAndDigit));
        assert_eq!(check_new(&p, "nova\nsenha1", "ana", "mascate1"), Err(PasswordProblem::Control));
        assert_eq!(check_new(&p, "Joana2024", " joana2024 ", "mascate1"), Err(PasswordProblem::UserName));
        assert_eq!(check_new(&p, "mascate1", "ana", "mascate1"), Err(PasswordProblem::SameAsCurrent));
        assert_eq!(check_new(&p, "Nova-senha-9", "ana", "mascate1"), Ok(()));
        // Accented letters are letters; eight characters, not eight bytes.
        assert_eq!(check_new(&p, "açúcar12", "ana", "mascate1"), Ok(()));
    }

    #[test]
    fn rules_the_policy_leaves_out_are_not_applied() {
        let p = PasswordPolicy { min_length: 4, ..Default::default() };
        assert_eq!(check_new(&p, "abcd", "abcd", "abcd"), Ok(()));
        assert_eq!(check_new(&p, "abc", "ana", ""), Err(PasswordProblem::TooShort(4)));
    }

    #[test]
    fn the_current_one_is_only_compared_once_typed() {
        assert_eq!(check_new(&policy(), "mascate1", "ana", ""), Ok(()));
        assert_eq!(check_current(""), Err(PasswordProblem::Missing));
        assert_eq!(check_current("x"), Ok(()));
    }

    #[test]
    fn the_two_new_ones_must_be_equal() {
        assert_eq!(check_again("Nova-senha-9", ""), Err(PasswordProblem::Missing));
        assert_eq!(check_again("Nova-senha-9", "Nova-senha-8"), Err(PasswordProblem::Mismatch));
        assert_eq!(check_again("Nova-senha-9", "Nova-senha-9"), Ok(()));
        let all = check_form(&policy(), "ana", "mascate1", "Nova-senha-9", "Nova-senha-9");
        assert_eq!(all, (None, None, None));
        let all = check_form(&policy(), "ana", "", "curta1", "curta2");
        assert_eq!(
            all,
            (Some(PasswordProblem::Missing), Some(PasswordProblem::TooShort(8)), Some(PasswordProblem::Mismatch))
        );
    }
}

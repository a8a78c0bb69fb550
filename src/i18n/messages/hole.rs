//! The named holes a message may have, filled by [`I18n::fill`](crate::i18n::I18n::fill).

/// A named hole in a message (`{day}`), filled by [`I18n::fill`](crate::i18n::I18n::fill). A
/// count (`{n}`) goes through `t_n`, or a [`Plural`](crate::i18n::Plural) when words follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg {
    Day,
    Records,
    Done,
    Tables,
    Used,
    Free,
    /// A price list's code.
    List,
    /// Documents an import added, replaced, or found already there.
    Added,
    Replaced,
    Unchanged,
}

impl Arg {
    pub const ALL: [Arg; 10] = [
        Arg::Day,
        Arg::Records,
        Arg::Done,
        Arg::Tables,
        Arg::Used,
        Arg::Free,
        Arg::List,
        Arg::Added,
        Arg::Replaced,
        Arg::Unchanged,
    ];

    /// How the hole is written in the catalogue.
    pub fn hole(self) -> &'static str {
        match self {
            Arg::Day => "{day}",
            Arg::Records => "{records}",
            Arg::Done => "{done}",
            Arg::Tables => "{tables}",
            Arg::Used => "{used}",
            Arg::Free => "{free}",
            Arg::List => "{list}",
            Arg::Added => "{added}",
            Arg::Replaced => "{replaced}",
            Arg::Unchanged => "{unchanged}",
        }
    }
}

//! Listening addresses as values: whether an address string listens on every interface
//! (`0.0.0.0`, `[::]`, with or without a port).

/// `0.0.0.0[:port]`, `[::][:port]`, `::` → the address as written.
pub(crate) fn all_interfaces_text(s: &str) -> Option<String> {
    let host = if s.starts_with('[') {
        s.split(']').next().map(|h| format!("{h}]"))
    } else {
        Some(
            s.rsplit_once(':')
                .filter(|(h, _)| !h.contains(':'))
                .map_or(s, |(h, _)| h)
                .to_string(),
        )
    }?;
    matches!(
        host.as_str(),
        "0.0.0.0" | "[::]" | "::" | "[0:0:0:0:0:0:0:0]"
    )
    .then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::all_interfaces_text;

    #[test]
    fn addresses() {
        assert!(all_interfaces_text("0.0.0.0:8080").is_some());
        assert!(all_interfaces_text("0.0.0.0").is_some());
        assert!(all_interfaces_text("[::]:443").is_some());
        assert!(all_interfaces_text("::").is_some());
        assert!(all_interfaces_text("127.0.0.1:8080").is_none());
        assert!(all_interfaces_text("[::1]:8080").is_none());
        assert!(all_interfaces_text("10.0.0.0:80").is_none());
    }
}

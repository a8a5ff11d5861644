// A private helper that switches verification off whenever it runs, called only under a
// condition decided at run time, is the same run-time choice (TLS104) as the setting written
// under that condition; reached through another private helper called so, too. Called
// unconditionally it stays TLS101; called only where its callers make the condition false, it
// is not reported.

pub struct Args {
    pub insecure: bool,
}

// The direct spelling: the setting under the condition.
pub fn direct(args: &Args) -> reqwest::Client {
    let mut builder = reqwest::Client::builder();
    if args.insecure {
        builder = builder.danger_accept_invalid_certs(true);
        //~^ cert_verification_runtime_toggle
    }
    builder.build().unwrap()
}

// The helper spelling: the helper called under the condition.
fn insecure_client() -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        //~^ cert_verification_runtime_toggle
        .build()
        .unwrap()
}

pub fn through_helper(args: &Args) -> reqwest::Client {
    if args.insecure {
        insecure_client()
    } else {
        reqwest::Client::new()
    }
}

// Reached through another private helper that is called under the condition.
fn insecure_inner() -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        //~^ cert_verification_runtime_toggle
        .build()
        .unwrap()
}

fn insecure_outer() -> reqwest::Client {
    insecure_inner()
}

pub fn through_two(args: &Args) -> reqwest::Client {
    if args.insecure {
        insecure_outer()
    } else {
        reqwest::Client::new()
    }
}

// Called whenever its caller runs: the constant finding.
fn always_insecure() -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        //~^ cert_verification_disabled
        .build()
        .unwrap()
}

pub fn always() -> reqwest::Client {
    always_insecure()
}

// Called under a condition whose only caller makes it true: the constant finding.
fn forced_insecure() -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        //~^ cert_verification_disabled
        .build()
        .unwrap()
}

fn choose(insecure: bool) -> reqwest::Client {
    if insecure {
        forced_insecure()
    } else {
        reqwest::Client::new()
    }
}

pub fn forced() -> reqwest::Client {
    choose(true)
}

// Called under a condition whose only caller makes it false: never run, no finding.
fn unused_insecure() -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .build()
        .unwrap()
}

fn choose_strict(insecure: bool) -> reqwest::Client {
    if insecure {
        unused_insecure()
    } else {
        reqwest::Client::new()
    }
}

pub fn strict() -> reqwest::Client {
    choose_strict(false)
}

// Never called, or called only from tests: the constant finding.
fn uncalled_insecure() -> reqwest::Client {
    reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        //~^ cert_verification_disabled
        .build()
        .unwrap()
}

#[cfg(test)]
mod tests {
    #[test]
    fn builds() {
        if std::env::var("X").is_ok() {
            let _ = super::uncalled_insecure();
        }
    }
}

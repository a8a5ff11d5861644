// A value passed on through `.into()` or `From::from(..)` is the same value: settled by the
// function's callers or the struct's literals exactly as the plain spelling is.

struct Options {
    insecure: bool,
}

fn direct(insecure: bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
    //~^ cert_verification_disabled
}

fn through_into(insecure: bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure.into())
    //~^ cert_verification_disabled
}

fn through_from(options: &Options) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(From::from(options.insecure))
    //~^ cert_verification_disabled
}

fn main() {
    let _ = direct(true);
    let _ = through_into(true);
    let _ = through_from(&Options { insecure: true });
}

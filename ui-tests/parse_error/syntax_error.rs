// A file that cannot contain a finding is never parsed; this one can, and does not parse.
fn main() {
    let client = reqwest::Client::builder().danger_accept_invalid_certs(true);
    let x = ;
    //~^ parse_error
}

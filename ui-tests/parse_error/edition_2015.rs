// `async` was an ordinary identifier in Rust 2015; syn (and every later edition) rejects this.
fn main() {
    let async = reqwest::Client::builder().danger_accept_invalid_certs(true);
    //~^ parse_error
}

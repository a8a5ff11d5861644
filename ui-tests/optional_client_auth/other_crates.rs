//@ level optional_client_auth=warn
// Auth middleware with the same method name is not mTLS.
fn routes(router: my_auth::Router) -> my_auth::Router {
    router.route("/health").allow_unauthenticated()
}

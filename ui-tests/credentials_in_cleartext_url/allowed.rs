//@ cleartext-host *.svc.cluster.local
// Policy-allowed hosts and loopback are exempt; test code is not linted.
const MESH: &str = "http://svc:pw@api.default.svc.cluster.local/v1";
const LOCAL: &str = "http://svc:pw@localhost:8080/v1";
const LOCAL6: &str = "http://svc:pw@[::1]:8080/v1";

#[test]
fn fixture() {
    let _ = "http://admin:admin@192.0.2.1/";
}

//! `TestNextLinkRepeats`.

use super::TestCheck;

crate::declare_code! {
    /// Following `nextLink` leads back to a page already fetched
    ///
    /// ### Why
    /// With pagination on, the platform follows `x-ms-pageable`'s `nextLinkName` until it
    /// is absent or the flow's threshold is reached. A link that points back to a page
    /// already returned (often the first page, when the API ignores the paging token) makes
    /// every run fetch the same items again and again: duplicates in the flow and requests
    /// up to the threshold (up to 100,000 items).
    ///
    /// ### Example
    /// `GET /orders` returns `"nextLink": "https://api.contoso.com/orders"`: the link must carry
    /// what moves to the next page (`?$skiptoken=…`, `?page=2`), and be absent or `null` on the
    /// last page.
    ///
    /// ### Evidence
    /// `connkit test` follows up to two pages after the first, on the operation's own host
    /// only, with the same headers; a link back to a URL it has fetched in this walk is
    /// reported. How pagination works: Microsoft's "Pagination" documentation for Power
    /// Automate and the `x-ms-pageable` extension.
    pub(crate) static TEST_NEXT_LINK_REPEATS: TestCheck {
        code: "TestNextLinkRepeats",
    }
}

#[cfg(test)]
mod tests {
    // The walk needs a transport: the cases are in `contract::run`'s tests and, end to end
    // against a 127.0.0.1 server, in tests/test_command.rs.
    #[test]
    fn test_next_link_repeats_is_a_test_code() {
        assert!(super::super::CODES.contains(&&super::TEST_NEXT_LINK_REPEATS));
        assert_eq!(super::TEST_NEXT_LINK_REPEATS.code, "TestNextLinkRepeats");
    }
}

// W3C evaluation tests this endpoint fails, each with the reason; a listed test that starts passing fails the run until it is removed.
export const KNOWN_FAILURES: Record<string, string> = {
};

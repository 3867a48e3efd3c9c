// Deliberately empty: this module exists to carry libxml2's include path and
// link flag (from pkg-config) to CXMLShim. Swift code never imports libxml2
// headers directly (see "The ICU clash" in the design notes).

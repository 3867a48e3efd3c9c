import Diagnostics

/// Every diagnostic code that reading and checking a script can emit (the
/// XML layer's and the command line's file codes included), with its
/// severity and meaning. The checker's codes are values declared beside the
/// code that emits them (`DiagnosticCode.invalidValue` in AttributeReader);
/// the file and XML codes are still written here as text, by their layers.
public enum ScriptDiagnostics {
    public static let entries: [CatalogEntry] = [
        // Files
        .init(code: .unreadableFile, severity: .error, meaning: "a named file or folder cannot be read (exit status 2)"),
        .init(code: .fileTooLarge, severity: .error, meaning: "the document is over the size limit"),
        .init(code: .emptyDocument, severity: .error, meaning: "the file is empty or only white space"),
        // XML
        .init(code: .notXml, severity: .error, meaning: "the file does not start like an XML document"),
        .init(code: .xmlSyntax, severity: .error, meaning: "any other XML well-formedness error, in libxml2's words"),
        .init(code: .bareAmpersand, severity: .error, meaning: "a '&' that should be written '&amp;'"),
        .init(code: .unknownEntity, severity: .error, meaning: "an entity such as '&nbsp;' that XML does not define"),
        .init(code: .attributeSyntax, severity: .error, meaning: "attributes run together, unquoted, or with '<' in a value"),
        .init(code: .duplicateAttribute, severity: .error, meaning: "the same attribute (or two aliases of it) given twice"),
        .init(code: .unclosedComment, severity: .error, meaning: "a '<!--' never closed with '-->'"),
        .init(code: .contentAfterRoot, severity: .error, meaning: "elements or text after '</Response>'"),
        .init(code: .mismatchedTag, severity: .error, meaning: "a closing tag that does not match the open element"),
        .init(code: .unclosedElement, severity: .error, meaning: "the file ends inside an element"),
        .init(
            code: .invalidCharacter, severity: .error,
            meaning: "bytes that are not valid characters (not UTF-8, control characters)"),
        .init(code: .doctypeNotAllowed, severity: .error, meaning: "a DOCTYPE declaration (refused: entity attacks)"),
        .init(code: .externalEntity, severity: .error, meaning: "an attempt to load an external entity (refused)"),
        .init(code: .tooDeeplyNested, severity: .error, meaning: "elements nested over the depth limit"),
        // Structure
        .init(code: .invalidRoot, severity: .error, meaning: "the root element is not <Response>"),
        .init(code: .unknownElement, severity: .error, meaning: "an element ConneXML does not have (with a did-you-mean hint)"),
        .init(
            code: .foreignElement, severity: .error, meaning: "a verb or noun of TwiML or TeXML (or SSML in <Say>), not ConneXML"),
        .init(
            code: .misplacedElement, severity: .error,
            meaning: "a known element where it may not stand (<Reject> in <Condition>, a noun outside <Dial>)"),
        .init(code: .invalidChild, severity: .error, meaning: "a child a verb does not accept (<Pause> in <Gather>)"),
        .init(code: .missingChild, severity: .error, meaning: "a required child is missing (<Start> without <Stream>)"),
        .init(code: .strayText, severity: .error, meaning: "text outside a verb"),
        .init(code: .unexpectedText, severity: .error, meaning: "text in an element that must be empty"),
        .init(code: .unexpectedChild, severity: .error, meaning: "a child element in an element that takes none or only text"),
        .init(code: .missingText, severity: .error, meaning: "a verb that needs text (a URL, a number, words) has none"),
        .init(code: .missingDestination, severity: .error, meaning: "<Dial> with neither a number nor a noun"),
        .init(code: .ambiguousDestination, severity: .error, meaning: "<Dial> with both a number as text and a noun"),
        .init(
            code: .attributeAsText, severity: .error,
            meaning:
                "attributes written as element text (<Barge>whisper=\"a\"</Barge>); a warning where any text is allowed (<Say>)"),
        // Values
        .init(code: .missingAttribute, severity: .error, meaning: "a required attribute is absent"),
        .init(
            code: .invalidValue, severity: .error, meaning: "an attribute or text value out of range, not allowed, or malformed"),
        .init(code: .invalidGroupName, severity: .error, meaning: "a barge group name that is not ^[a-z_0-9]+$"),
        .init(code: .invalidHeader, severity: .error, meaning: "a SIP header name or value that would corrupt the INVITE"),
        .init(code: .templateSyntax, severity: .error, meaning: "a malformed {{ }} or ${} template"),
        .init(code: .unknownTemplateFunction, severity: .error, meaning: "a template function other than substring"),
        // Warnings
        .init(
            code: .unknownAttribute, severity: .warning, meaning: "an attribute the verb does not have (an error on <Condition>)"),
        .init(
            code: .unsupportedAttribute, severity: .warning, meaning: "a TwiML attribute ConneXML ignores (voice, language, ...)"),
        .init(
            code: .attributeAlias, severity: .warning,
            meaning: "a documented misspelling read as the right name (command → commands)"),
        .init(
            code: .unreachable, severity: .warning,
            meaning: "verbs after <Hangup>, <Reject>, <Redirect> or a blind <Transfer> that never run"),
        .init(code: .noEffect, severity: .warning, meaning: "a setting that does nothing where it stands"),
        .init(
            code: .reversedRange, severity: .warning,
            meaning: "a <Condition> range that ends below its start (hour=\"22-6\"), which never matches"),
        .init(
            code: .unanchoredExpression, severity: .warning,
            meaning: "a <Condition> expression of plain text without ^ or $, which matches anywhere in the value"),
        .init(code: .strayAngleBracket, severity: .warning, meaning: "text that starts with '>', likely a tag closed twice"),
        .init(
            code: .tooManyDestinations, severity: .warning,
            meaning: "<Dial> with more than one noun: the platform may dial only the first (run dials the first)"),
        .init(
            code: .conflictingSettings, severity: .warning,
            meaning: "settings that contradict each other (numDigits below minDigits): the platform may honour either"),
        .init(
            code: .relativeURL, severity: .warning,
            meaning:
                "a relative URL (<Play>greeting.wav</Play>, statusCallback) in a local file, which has no URL to resolve it against"
        ),
    ]
}

extension DiagnosticCode {
    /// A file or folder named on the command line cannot be read: the
    /// command line reports it (and exits 2), the catalog lists it here.
    public static let unreadableFile: DiagnosticCode = "unreadable-file"
}

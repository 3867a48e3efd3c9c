// The C boundary of connexml's XML layer.
//
// Only CXMLShim.c includes libxml2. This header declares opaque handles and
// the few functions the Swift XML layer needs, so that no libxml2 (and hence
// no ICU) declaration is ever seen by a Swift module that also sees
// Foundation. Every handle is borrowed from a cxml_document and is valid only
// until cxml_document_free.
#ifndef CXMLSHIM_H
#define CXMLSHIM_H

#include <stddef.h>

typedef struct cxml_document cxml_document;
typedef struct cxml_node cxml_node;
typedef struct cxml_attribute cxml_attribute;

typedef enum {
    CXML_NODE_OTHER = 0,
    CXML_NODE_ELEMENT = 1,
    CXML_NODE_TEXT = 2,
    CXML_NODE_COMMENT = 3,
    CXML_NODE_PROCESSING_INSTRUCTION = 4,
    CXML_NODE_ENTITY_REFERENCE = 5,
} cxml_node_kind;

/// Problems the shim itself detects and refuses (negative, so they never
/// collide with libxml2's own positive error codes).
enum {
    CXML_REFUSED_DOCTYPE = -1,
    CXML_REFUSED_DEPTH = -2,
    CXML_REFUSED_ENTITY_LOAD = -3,
};

/// One problem, as libxml2's xmlError gives it. Strings are UTF-8 and valid
/// only during the callback.
typedef struct {
    /// libxml2's xmlParserErrors value, or one of the CXML_REFUSED_ codes.
    int code;
    /// 1 warning, 2 error, 3 fatal error.
    int level;
    int line;
    /// 0 when unknown (xmlError's int2).
    int column;
    /// libxml2's English sentence, ending in a line feed.
    const char *message;
    /// What the message is made from, so that nobody has to read it back
    /// out of the English: their meaning depends on `code` (for a tag
    /// mismatch, str1 is the open element, str2 the closing tag's name and
    /// int1 the open element's line). NULL and 0 when not given.
    const char *str1;
    const char *str2;
    const char *str3;
    int int1;
} cxml_problem;

/// Called once per problem, in order.
typedef void (*cxml_problem_callback)(void *context, const cxml_problem *problem);

/// Prepares libxml2 once per process. Safe to call repeatedly.
void cxml_initialize(void);

/// What the event parse (cxml_parse_events) tells its caller, in document
/// order. Names and values are UTF-8 and valid only during the call; names
/// come from the parser's dictionary, so equal names within one parse have
/// equal pointers. Each element's name and prefix are as the tree parse
/// would record them: an undeclared prefix stays in the name ("p:Say",
/// prefix NULL).
typedef struct {
    /// `attributes` holds 4 pointers per attribute, in document order: name,
    /// prefix (or NULL), value, end of value. A value may hold "&#38;", which
    /// stands for "&" (libxml2 keeps it escaped when entities are not
    /// substituted). `line` is libxml2's line when the start tag was read.
    void (*start_element)(void *context, const char *name, const char *prefix,
                          int attribute_count, const char *const *attributes,
                          long line);
    void (*end_element)(void *context);
    /// Character data (references and CDATA resolved), maybe in pieces.
    void (*characters)(void *context, const char *bytes, int length, long line);
    /// A comment or processing instruction: the text before it and the
    /// text after it are separate runs, as they are separate tree nodes.
    void (*text_boundary)(void *context);
} cxml_event_handlers;

/// Parses like cxml_parse, with the same safety settings and refusals, but
/// builds no libxml2 tree: the document is reported through `handlers` as
/// it is read. Returns 1 when the document is well-formed and was not
/// refused, 0 otherwise (every problem went through `report`; events seen
/// before a failure are to be discarded).
int cxml_parse_events(const char *bytes, int length, const char *url,
                      int max_depth, void *context,
                      cxml_problem_callback report,
                      const cxml_event_handlers *handlers);

/// Parses `length` bytes with connexml's safe settings: no network, no DTD
/// loading, no entity substitution, DOCTYPE refused, elements nested deeper
/// than `max_depth` refused, into a libxml2 tree. The XML layer reads
/// through cxml_parse_events; this tree parse stays as the reference its
/// tests compare the event parse with. Returns NULL when the document is not
/// well-formed or was refused; every problem is reported through `report`.
cxml_document *cxml_parse(const char *bytes, int length, const char *url,
                          int max_depth, void *context,
                          cxml_problem_callback report);
void cxml_document_free(cxml_document *document);

cxml_node *cxml_document_root(cxml_document *document);

cxml_node_kind cxml_node_kind_of(const cxml_node *node);
/// Element or processing-instruction name (UTF-8, borrowed).
const char *cxml_node_name(const cxml_node *node);
/// Namespace prefix of an element, or NULL.
const char *cxml_node_prefix(const cxml_node *node);
/// Content of a text, comment or processing-instruction node (borrowed).
const char *cxml_node_content(const cxml_node *node);
/// 1 when the node is text made only of XML white space.
int cxml_node_is_blank(const cxml_node *node);
/// Line of the node as libxml2 recorded it (0 when unknown).
long cxml_node_line(const cxml_node *node);
cxml_node *cxml_node_first_child(const cxml_node *node);
cxml_node *cxml_node_next_sibling(const cxml_node *node);

cxml_attribute *cxml_node_first_attribute(const cxml_node *node);
cxml_attribute *cxml_attribute_next(const cxml_attribute *attribute);
const char *cxml_attribute_name(const cxml_attribute *attribute);
const char *cxml_attribute_prefix(const cxml_attribute *attribute);
/// The attribute's value. When `*owned` is set to 1 on return the caller
/// must release it with cxml_free; otherwise it is borrowed.
const char *cxml_attribute_value(const cxml_attribute *attribute, int *owned);
void cxml_free(const char *string);

#endif

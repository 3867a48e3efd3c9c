// The one file of connexml that includes libxml2.
//
// Safety settings (see the design notes): XML_PARSE_NONET and
// XML_PARSE_BIG_LINES only. Never NOENT (it substitutes and loads entities),
// DTDLOAD, DTDATTR, DTDVALID, XINCLUDE, HUGE, RECOVER, NOERROR or NOWARNING.
// On top of that, a DOCTYPE is refused the moment it is seen, before any
// entity declaration in it is read: ConneXML has no use for one, and refusing
// it closes the door on external entities and entity-expansion bombs at once.
#include "CXMLShim.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/hash.h>
#include <libxml/xmlstring.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct parse_state {
    void *context;
    cxml_problem_callback report;
    int depth;
    int max_depth;
    int refused; // once refused, libxml2's follow-on complaints are noise
    // Event parse only (NULL for the tree parse):
    const cxml_event_handlers *handlers;
    const char **attributes;   // 4 pointers per attribute, reused
    int attribute_capacity;    // in attributes
    xmlHashTablePtr xml_ids;   // xml:id values seen, as the tree parse keeps them
};

static pthread_once_t initialize_once = PTHREAD_ONCE_INIT;

static void initialize_libxml2(void) { xmlInitParser(); }

void cxml_initialize(void) { pthread_once(&initialize_once, initialize_libxml2); }

/// A problem of the shim's own, placed at the parser's current input as
/// libxml2 places its own. `str1` may be NULL.
static void report_here(xmlParserCtxtPtr ctxt, int code, int level, const char *message,
                        const char *str1) {
    struct parse_state *state = ctxt->_private;
    cxml_problem problem = {
        .code = code, .level = level,
        .line = ctxt->input ? ctxt->input->line : 0,
        .column = ctxt->input ? ctxt->input->col : 0,
        .message = message, .str1 = str1,
    };
    state->report(state->context, &problem);
}

static void refuse(xmlParserCtxtPtr ctxt, int code, const char *message) {
    struct parse_state *state = ctxt->_private;
    if (state->refused) return;
    state->refused = 1;
    report_here(ctxt, code, 3, message, NULL);
    xmlStopParser(ctxt);
}

/// One level deeper: refuses the document (and says no) past the depth
/// limit. Both parse paths (the event parse and the reference tree parse)
/// enter elements through here, so the limit is one rule.
static int enter_element(xmlParserCtxtPtr ctxt) {
    struct parse_state *state = ctxt->_private;
    state->depth += 1;
    if (state->depth > state->max_depth) {
        refuse(ctxt, CXML_REFUSED_DEPTH, "elements nested too deeply");
        return 0;
    }
    return 1;
}

static void on_structured_error(void *user_data, xmlErrorPtr error) {
    // user_data is the parser context (libxml2 passes ctxt->userData, which
    // is the context itself for DOM parsing).
    xmlParserCtxtPtr ctxt = user_data;
    if (ctxt == NULL || error == NULL) return;
    struct parse_state *state = ctxt->_private;
    if (state == NULL || state->refused) return;
    cxml_problem problem = {
        .code = error->code, .level = error->level,
        .line = error->line, .column = error->int2,
        .message = error->message ? error->message : "",
        .str1 = error->str1, .str2 = error->str2, .str3 = error->str3,
        .int1 = error->int1,
    };
    state->report(state->context, &problem);
}

static void on_internal_subset(void *user_data, const xmlChar *name,
                               const xmlChar *external_id,
                               const xmlChar *system_id) {
    (void)name; (void)external_id; (void)system_id;
    refuse(user_data, CXML_REFUSED_DOCTYPE, "DOCTYPE declarations are not allowed");
}

static xmlParserInputPtr on_resolve_entity(void *user_data,
                                           const xmlChar *public_id,
                                           const xmlChar *system_id) {
    (void)public_id; (void)system_id;
    refuse(user_data, CXML_REFUSED_ENTITY_LOAD, "loading external entities is not allowed");
    return NULL;
}

static void on_start_element(void *user_data, const xmlChar *localname,
                             const xmlChar *prefix, const xmlChar *uri,
                             int nb_namespaces, const xmlChar **namespaces,
                             int nb_attributes, int nb_defaulted,
                             const xmlChar **attributes) {
    if (!enter_element(user_data)) return;
    xmlSAX2StartElementNs(user_data, localname, prefix, uri, nb_namespaces,
                          namespaces, nb_attributes, nb_defaulted, attributes);
}

static void on_end_element(void *user_data, const xmlChar *localname,
                           const xmlChar *prefix, const xmlChar *uri) {
    xmlParserCtxtPtr ctxt = user_data;
    struct parse_state *state = ctxt->_private;
    state->depth -= 1;
    xmlSAX2EndElementNs(user_data, localname, prefix, uri);
}

/// A parser context over `bytes` with connexml's safe settings and the
/// refusing handlers installed; NULL (after reporting) when none could be made.
static xmlParserCtxtPtr new_safe_context(const char *bytes, int length, const char *url,
                                         struct parse_state *state) {
    cxml_initialize();
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(bytes, length);
    if (ctxt == NULL) {
        cxml_problem problem = {.code = XML_ERR_NO_MEMORY, .level = 3, .message = "could not create a parser"};
        state->report(state->context, &problem);
        return NULL;
    }
    ctxt->_private = state;
    if (url != NULL && ctxt->input != NULL && ctxt->input->filename == NULL)
        ctxt->input->filename = (char *)xmlStrdup((const xmlChar *)url);

    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES |
                                XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
    // xmlCtxtUseOptions does not touch these, but be explicit: no entity
    // substitution, no DTD loading, no validation.
    ctxt->replaceEntities = 0;
    ctxt->loadsubset = 0;
    ctxt->validate = 0;

    xmlSAXHandlerPtr sax = ctxt->sax;
    sax->initialized = XML_SAX2_MAGIC;
    sax->serror = on_structured_error;
    sax->internalSubset = on_internal_subset;
    sax->externalSubset = NULL;
    sax->resolveEntity = on_resolve_entity;
    sax->startElementNs = on_start_element;
    sax->endElementNs = on_end_element;
    // Unstructured channels would bypass serror; silence them so nothing
    // is printed to stderr behind the caller's back.
    sax->error = NULL;
    sax->warning = NULL;
    sax->fatalError = NULL;
    ctxt->vctxt.error = NULL;
    ctxt->vctxt.warning = NULL;
    return ctxt;
}

cxml_document *cxml_parse(const char *bytes, int length, const char *url,
                          int max_depth, void *context,
                          cxml_problem_callback report) {
    struct parse_state state = {context, report, 0, max_depth, 0, NULL, NULL, 0, NULL};
    xmlParserCtxtPtr ctxt = new_safe_context(bytes, length, url, &state);
    if (ctxt == NULL) return NULL;

    xmlParseDocument(ctxt);

    xmlDocPtr doc = ctxt->myDoc;
    int ok = ctxt->wellFormed && !state.refused;
    ctxt->myDoc = NULL;
    ctxt->_private = NULL;
    xmlFreeParserCtxt(ctxt);
    if (!ok) {
        if (doc != NULL) xmlFreeDoc(doc);
        return NULL;
    }
    return (cxml_document *)doc;
}

// MARK: The event parse

/// Where a complaint of the tree builder's own is placed: libxml2 places
/// it at the parser's current input, as refuse() does.
static void report_as_tree_builder(xmlParserCtxtPtr ctxt, int code, const char *format,
                                   const xmlChar *value) {
    struct parse_state *state = ctxt->_private;
    if (state->refused) return;
    // The whole message, as libxml2 formats its own (up to 64,000 bytes).
    int length = snprintf(NULL, 0, format, (const char *)value);
    if (length < 0) return;
    size_t size = (size_t)length + 1 < 64000 ? (size_t)length + 1 : 64000;
    char *message = malloc(size);
    if (message == NULL) return;
    snprintf(message, size, format, (const char *)value);
    // As the tree builder raises it: the value is str1.
    report_here(ctxt, code, 2, message, (const char *)value);
    free(message);
}

/// The tree builder (xmlSAX2AttributeNs) checks xml:id attributes, the one
/// kind of ID a document without a DTD has: a value that is not an NCName,
/// and one given twice, are validity errors. They do not make a document
/// fail, but one of them could be the first error of a document that does,
/// so the event parse reports them too, with the same codes and messages.
static void check_xml_id(xmlParserCtxtPtr ctxt, const xmlChar *value, const xmlChar *end) {
    struct parse_state *state = ctxt->_private;
    if (value == end) return;  // an empty value makes no text node: not checked
    // The value as the tree holds it: "&#38;" is "&".
    xmlChar *content = xmlStrndup(value, (int)(end - value));
    if (content == NULL) return;
    xmlChar *out = content;
    for (const xmlChar *in = content; *in; ) {
        if (strncmp((const char *)in, "&#38;", 5) == 0) { *out++ = '&'; in += 5; }
        else *out++ = *in++;
    }
    *out = 0;
    if (xmlValidateNCName(content, 1) != 0)
        report_as_tree_builder(ctxt, XML_DTD_XMLID_VALUE,
                               "xml:id : attribute value %s is not an NCName\n", content);
    if (state->xml_ids == NULL) state->xml_ids = xmlHashCreate(0);
    if (state->xml_ids != NULL && xmlHashAddEntry(state->xml_ids, content, (void *)1) < 0)
        report_as_tree_builder(ctxt, XML_DTD_ID_REDEFINED, "ID %s already defined\n", content);
    xmlFree(content);
}

static void on_event_start_element(void *user_data, const xmlChar *localname,
                                   const xmlChar *prefix, const xmlChar *uri,
                                   int nb_namespaces, const xmlChar **namespaces,
                                   int nb_attributes, int nb_defaulted,
                                   const xmlChar **attributes) {
    (void)nb_namespaces; (void)namespaces; (void)nb_defaulted;
    xmlParserCtxtPtr ctxt = user_data;
    struct parse_state *state = ctxt->_private;
    if (!enter_element(ctxt)) return;
    // As the tree builder names it: an undeclared prefix stays in the name.
    const xmlChar *name = localname;
    if (prefix != NULL && uri == NULL) {
        const xmlChar *full = xmlDictQLookup(ctxt->dict, prefix, localname);
        if (full != NULL) name = full;
        prefix = NULL;
    }
    if (nb_attributes > state->attribute_capacity) {
        int capacity = nb_attributes < 16 ? 16 : nb_attributes * 2;
        const char **grown = realloc(state->attributes, sizeof(char *) * 4 * (size_t)capacity);
        if (grown == NULL) {
            refuse(ctxt, XML_ERR_NO_MEMORY, "out of memory");
            return;
        }
        state->attributes = grown;
        state->attribute_capacity = capacity;
    }
    for (int i = 0; i < nb_attributes; i++) {
        const xmlChar **a = attributes + 5 * i;  // localname, prefix, URI, value, end
        const xmlChar *attribute_name = a[0], *attribute_prefix = a[1];
        if (attribute_prefix != NULL && a[2] == NULL) {
            const xmlChar *full = xmlDictQLookup(ctxt->dict, attribute_prefix, attribute_name);
            if (full != NULL) { attribute_name = full; attribute_prefix = NULL; }
        }
        if (attribute_prefix != NULL && xmlStrEqual(attribute_prefix, BAD_CAST "xml") &&
            xmlStrEqual(attribute_name, BAD_CAST "id"))
            check_xml_id(ctxt, a[3], a[4]);
        state->attributes[4 * i] = (const char *)attribute_name;
        state->attributes[4 * i + 1] = (const char *)attribute_prefix;
        state->attributes[4 * i + 2] = (const char *)a[3];
        state->attributes[4 * i + 3] = (const char *)a[4];
    }
    if (state->refused) return;
    state->handlers->start_element(state->context, (const char *)name, (const char *)prefix,
                                   nb_attributes, state->attributes,
                                   ctxt->input ? ctxt->input->line : 0);
}

static void on_event_end_element(void *user_data, const xmlChar *localname,
                                 const xmlChar *prefix, const xmlChar *uri) {
    (void)localname; (void)prefix; (void)uri;
    xmlParserCtxtPtr ctxt = user_data;
    struct parse_state *state = ctxt->_private;
    state->depth -= 1;
    if (state->refused) return;
    state->handlers->end_element(state->context);
}

static void on_event_characters(void *user_data, const xmlChar *bytes, int length) {
    xmlParserCtxtPtr ctxt = user_data;
    struct parse_state *state = ctxt->_private;
    if (state->refused) return;
    state->handlers->characters(state->context, (const char *)bytes, length,
                                ctxt->input ? ctxt->input->line : 0);
}

static void on_event_comment(void *user_data, const xmlChar *value) {
    (void)value;
    xmlParserCtxtPtr ctxt = user_data;
    struct parse_state *state = ctxt->_private;
    if (state->refused || state->depth == 0) return;  // outside the root: no text to split
    state->handlers->text_boundary(state->context);
}

static void on_event_processing_instruction(void *user_data, const xmlChar *target,
                                            const xmlChar *data) {
    (void)target;
    on_event_comment(user_data, data);
}

int cxml_parse_events(const char *bytes, int length, const char *url,
                      int max_depth, void *context,
                      cxml_problem_callback report,
                      const cxml_event_handlers *handlers) {
    struct parse_state state = {context, report, 0, max_depth, 0, handlers, NULL, 0, NULL};
    xmlParserCtxtPtr ctxt = new_safe_context(bytes, length, url, &state);
    if (ctxt == NULL) return 0;

    // No tree: only the handlers that report the document, and none that
    // would build or consult one (no document, no entity declarations).
    xmlSAXHandlerPtr sax = ctxt->sax;
    sax->startElementNs = on_event_start_element;
    sax->endElementNs = on_event_end_element;
    sax->characters = on_event_characters;
    // The same function as characters: libxml2 then never asks whether
    // white space is ignorable, and reports all of it, as the tree keeps it.
    sax->ignorableWhitespace = on_event_characters;
    sax->cdataBlock = NULL;  // XML_PARSE_NOCDATA: CDATA arrives as characters
    sax->comment = on_event_comment;
    sax->processingInstruction = on_event_processing_instruction;
    sax->reference = NULL;
    sax->startDocument = NULL;
    sax->endDocument = NULL;
    sax->setDocumentLocator = NULL;
    sax->startElement = NULL;
    sax->endElement = NULL;
    sax->entityDecl = NULL;
    sax->attributeDecl = NULL;
    sax->elementDecl = NULL;
    sax->notationDecl = NULL;
    sax->unparsedEntityDecl = NULL;

    xmlParseDocument(ctxt);

    int ok = ctxt->wellFormed && !state.refused;
    if (ctxt->myDoc != NULL) { xmlFreeDoc(ctxt->myDoc); ctxt->myDoc = NULL; }
    ctxt->_private = NULL;
    xmlFreeParserCtxt(ctxt);
    free(state.attributes);
    if (state.xml_ids != NULL) xmlHashFree(state.xml_ids, NULL);
    return ok;
}

void cxml_document_free(cxml_document *document) {
    if (document != NULL) xmlFreeDoc((xmlDocPtr)document);
}

cxml_node *cxml_document_root(cxml_document *document) {
    return (cxml_node *)xmlDocGetRootElement((xmlDocPtr)document);
}

cxml_node_kind cxml_node_kind_of(const cxml_node *node) {
    switch (((const xmlNode *)node)->type) {
    case XML_ELEMENT_NODE: return CXML_NODE_ELEMENT;
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE: return CXML_NODE_TEXT;
    case XML_COMMENT_NODE: return CXML_NODE_COMMENT;
    case XML_PI_NODE: return CXML_NODE_PROCESSING_INSTRUCTION;
    case XML_ENTITY_REF_NODE: return CXML_NODE_ENTITY_REFERENCE;
    default: return CXML_NODE_OTHER;
    }
}

const char *cxml_node_name(const cxml_node *node) {
    return (const char *)((const xmlNode *)node)->name;
}

const char *cxml_node_prefix(const cxml_node *node) {
    const xmlNode *n = (const xmlNode *)node;
    return (n->ns != NULL) ? (const char *)n->ns->prefix : NULL;
}

const char *cxml_node_content(const cxml_node *node) {
    return (const char *)((const xmlNode *)node)->content;
}

int cxml_node_is_blank(const cxml_node *node) {
    const xmlChar *p = ((const xmlNode *)node)->content;
    if (p == NULL) return 1;
    for (; *p; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') return 0;
    return 1;
}

long cxml_node_line(const cxml_node *node) {
    return xmlGetLineNo((const xmlNode *)node);
}

cxml_node *cxml_node_first_child(const cxml_node *node) {
    return (cxml_node *)((const xmlNode *)node)->children;
}

cxml_node *cxml_node_next_sibling(const cxml_node *node) {
    return (cxml_node *)((const xmlNode *)node)->next;
}

cxml_attribute *cxml_node_first_attribute(const cxml_node *node) {
    const xmlNode *n = (const xmlNode *)node;
    return n->type == XML_ELEMENT_NODE ? (cxml_attribute *)n->properties : NULL;
}

cxml_attribute *cxml_attribute_next(const cxml_attribute *attribute) {
    return (cxml_attribute *)((const xmlAttr *)attribute)->next;
}

const char *cxml_attribute_name(const cxml_attribute *attribute) {
    return (const char *)((const xmlAttr *)attribute)->name;
}

const char *cxml_attribute_prefix(const cxml_attribute *attribute) {
    const xmlAttr *a = (const xmlAttr *)attribute;
    return (a->ns != NULL) ? (const char *)a->ns->prefix : NULL;
}

const char *cxml_attribute_value(const cxml_attribute *attribute, int *owned) {
    const xmlAttr *a = (const xmlAttr *)attribute;
    const xmlNode *child = a->children;
    *owned = 0;
    if (child == NULL) return "";
    // The common case: one text node holding the whole value.
    if (child->next == NULL && child->type == XML_TEXT_NODE && child->content != NULL)
        return (const char *)child->content;
    *owned = 1;
    xmlChar *value = xmlNodeListGetString(a->doc, child, 1);
    return value != NULL ? (const char *)value : (const char *)xmlStrdup(BAD_CAST "");
}

void cxml_free(const char *string) { xmlFree((void *)string); }

import XMLParsing
import Foundation
let path = CommandLine.arguments[1]
let data = FileManager.default.contents(atPath: path)!
switch XMLParser.parse([UInt8](data), file: path) {
case .document(let d): print("ok", d.root.name, d.root.position, d.root.children.count)
case .failure(let ds): for d in ds { print(d) }
}

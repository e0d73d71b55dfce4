// Lays out every page of a .drawio file with mxGraph, draw.io's own drawing engine, and writes
// what a reader would see into #out as JSON: per page, each cell's text box as drawn (real font
// metrics), whether it is a port name (a text cell that belongs to a link), a device's text or
// a box's title. Loaded by tests/render/drawio_engine.py after mxClient and the file (DRAWIO).
function layOut(xml) {
  const pages = [];
  const doc = mxUtils.parseXml(xml);
  for (const diagram of doc.getElementsByTagName('diagram')) {
    const div = document.createElement('div');
    document.body.appendChild(div);
    const graph = new mxGraph(div);
    // as draw.io does: the text of a cell wrapped in <object> is its 'label' attribute
    graph.convertValueToString = (cell) => mxUtils.isNode(cell.value)
      ? (cell.value.getAttribute('label') || '') : (cell.value == null ? '' : String(cell.value));
    // each page on its own: ids repeat from page to page
    const model = mxUtils.parseXml(mxUtils.getXml(diagram.getElementsByTagName('mxGraphModel')[0]));
    new mxCodec(model).decode(model.documentElement, graph.getModel());
    const cells = [];
    for (const [id, cell] of Object.entries(graph.getModel().cells)) {
      const state = graph.view.getState(cell);
      const box = state && state.text && state.text.boundingBox;
      if (box == null || !graph.convertValueToString(cell)) continue;
      const kind = cell.isEdge() ? 'link' : (graph.getModel().isEdge(cell.parent) ? 'port' : 'text');
      cells.push({id, kind, text: graph.convertValueToString(cell),
                  box: [box.x, box.y, box.x + box.width, box.y + box.height]});
    }
    pages.push({name: diagram.getAttribute('name'), cells});
    div.remove();
  }
  return pages;
}

try {
  document.getElementById('out').textContent = JSON.stringify(layOut(DRAWIO));
} catch (e) {
  document.getElementById('out').textContent = JSON.stringify({error: String(e && e.stack || e)});
}

// Turns the update form's "We did" textarea into a Markdown editor (EasyMDE). Progressive enhancement: without
// JavaScript the plain textarea and the "Preview" button do the same job. The preview pane asks the server, so it
// shows exactly what the portal's Markdown pipeline will publish.
(function () {
  "use strict";
  var textarea = document.getElementById("Form_Body");
  if (!textarea || typeof window.EasyMDE === "undefined") {
    return;
  }

  var form = textarea.form;
  var token = form.querySelector("input[name='__RequestVerificationToken']");
  var previewAddress = form.getAttribute("action").replace(/\?handler=\w+$/, "") + "?handler=PreviewFragment";
  var button = function (name, action, text) {
    return { name: name, action: action, text: text, title: text };
  };

  var editor = new window.EasyMDE({
    element: textarea,
    autoDownloadFontAwesome: false,
    spellChecker: false,
    nativeSpellcheck: true,
    forceSync: true,
    status: false,
    minHeight: "16em",
    toolbar: [
      // Not named "heading-2": EasyMDE's stylesheet marks that name with a small "2" meant for an icon.
      button("section-heading", window.EasyMDE.toggleHeading2, "Heading"),
      button("bold", window.EasyMDE.toggleBold, "Bold"),
      button("unordered-list", window.EasyMDE.toggleUnorderedList, "Bullets"),
      button("ordered-list", window.EasyMDE.toggleOrderedList, "Numbers"),
      button("link", window.EasyMDE.drawLink, "Link"),
      "|",
      button("preview", window.EasyMDE.togglePreview, "Preview"),
    ],
    previewRender: function (markdown, preview) {
      var body = new FormData();
      body.append("Form.Body", markdown);
      body.append("__RequestVerificationToken", token ? token.value : "");
      fetch(previewAddress, { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) { preview.innerHTML = html; })
        .catch(function () { preview.textContent = "The preview could not be loaded. Use the Preview button below the editor."; });
      return "Loading the preview…";
    },
  });

  // The editor's hidden textarea keeps the label's target; point the label at the editor's own input.
  var label = form.querySelector("label[for='Form_Body']");
  var input = editor.codemirror.getInputField();
  if (label && input) {
    input.id = "Form_Body_editor";
    label.setAttribute("for", input.id);
    var hint = document.getElementById("Form_Body-hint");
    if (hint) {
      input.setAttribute("aria-describedby", hint.id);
    }
  }
})();

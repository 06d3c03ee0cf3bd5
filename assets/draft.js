// draft.js: an observation typed on a phone is not lost if the connection
// drops while it is being saved (issue 7). A form marked data-draft="NAME"
// is copied to this device's localStorage as it is typed, its own
// draft_key with it, and put back when the page is opened again; sending
// it then updates the draft the server may already have, never a second
// one. A page that says the server has a draft (data-draft-saved="KEY",
// data-draft-version="N") makes the device forget its copies of that
// draft up to that version. Without JavaScript the forms work the same,
// only without this copy.
(function () {
    'use strict';
    var PREFIX = 'parley-draft:';
    var KEEP_DAYS = 14;
    var store;
    try {
        store = window.localStorage;
        store.getItem(PREFIX);
    } catch (e) {
        return;   // storage off (private browsing): the forms still work
    }

    function read(name) {
        try {
            return JSON.parse(store.getItem(name) || 'null');
        } catch (e) {
            return null;
        }
    }

    function kept(el) {
        return el.name && el.name !== 'csrf' && el.type !== 'file' && el.type !== 'submit' &&
            el.type !== 'button';
    }

    function fields(form) {
        var v = {};
        Array.prototype.forEach.call(form.elements, function (el) {
            if (!kept(el)) return;
            if (el.type === 'checkbox') {
                v[el.name] = v[el.name] || [];
                if (el.checked) v[el.name].push(el.value);
            } else if (el.type === 'radio') {
                if (el.checked) v[el.name] = el.value;
            } else {
                v[el.name] = el.value;
            }
        });
        return v;
    }

    function restore(form, v) {
        Array.prototype.forEach.call(form.elements, function (el) {
            if (!kept(el) || !(el.name in v)) return;
            if (el.type === 'checkbox') el.checked = v[el.name].indexOf(el.value) >= 0;
            else if (el.type === 'radio') el.checked = v[el.name] === el.value;
            else el.value = v[el.name];
        });
    }

    // The server has this draft up to this version: forget older copies.
    function forgetSaved() {
        var marks = document.querySelectorAll('[data-draft-saved]');
        Array.prototype.forEach.call(marks, function (mark) {
            var key = mark.getAttribute('data-draft-saved');
            var version = Number(mark.getAttribute('data-draft-version') || 0);
            for (var i = store.length - 1; i >= 0; i--) {
                var name = store.key(i);
                if (name.indexOf(PREFIX) !== 0) continue;
                var d = read(name);
                if (d && d.fields && d.fields.draft_key === key &&
                    Number(d.fields.version || 0) < version)
                    store.removeItem(name);
            }
        });
    }

    function forgetOld() {
        var limit = Date.now() - KEEP_DAYS * 86400000;
        for (var i = store.length - 1; i >= 0; i--) {
            var name = store.key(i);
            var d = name.indexOf(PREFIX) === 0 ? read(name) : null;
            if (name.indexOf(PREFIX) === 0 && (!d || d.at < limit)) store.removeItem(name);
        }
    }

    function keep(form) {
        var name = PREFIX + form.getAttribute('data-draft');
        var d = read(name);
        if (d && d.fields) {
            restore(form, d.fields);
            var note = form.querySelector('.draft-restored');
            if (note) note.hidden = false;
        }
        function save() {
            try {
                store.setItem(name, JSON.stringify({ at: Date.now(), fields: fields(form) }));
            } catch (e) { /* full: the form still sends */ }
        }
        form.addEventListener('input', save);
        form.addEventListener('change', save);
    }

    forgetSaved();
    forgetOld();
    Array.prototype.forEach.call(document.querySelectorAll('form[data-draft]'), keep);
})();

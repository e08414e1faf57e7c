;;; eglot-test.el --- Emacs (28+) with eglot (1.9+) as a transcript language server client.
;; emacs --batch -l eglot-test.el, with TRANSCRIPT_SERVER (dist/server.js), TRANSCRIPT_FILE (the
;; document) and TRANSCRIPT_OUT (where to write what eglot received, as JSON).
(require 'eglot)
(require 'json)

(define-derived-mode transcript-mode text-mode "Transcript")

(defvar transcript-test-diagnostics nil "The last diagnostics the server published.")

(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (setq transcript-test-diagnostics (or (plist-get params :diagnostics) [])))))

(defun transcript-test-write (data)
  (let ((coding-system-for-write 'utf-8))
    (with-temp-file (getenv "TRANSCRIPT_OUT")
      (insert (json-encode data)))))

(condition-case failure
    (let* ((server (getenv "TRANSCRIPT_SERVER"))
           (file (getenv "TRANSCRIPT_FILE"))
           (project (cons 'transient (file-name-directory file))))
      (find-file file)
      (transcript-mode)
      (eglot '(transcript-mode) project 'eglot-lsp-server (list "node" server "--stdio") "transcript")
      (with-timeout (30 (error "no diagnostics received"))
        (while (not transcript-test-diagnostics)
          (accept-process-output nil 0.05)))
      (let* ((connection (eglot-current-server))
             (document (eglot--TextDocumentIdentifier))
             (symbols (jsonrpc-request connection :textDocument/documentSymbol (list :textDocument document)))
             (hover (jsonrpc-request connection :textDocument/hover
                                     (list :textDocument document :position (list :line 4 :character 3)))))
        (transcript-test-write (list :diagnostics transcript-test-diagnostics :symbols symbols :hover hover))
        (eglot-shutdown connection)
        (kill-emacs 0)))
  (error
   (transcript-test-write (list :errors (vector (error-message-string failure))))
   (kill-emacs 1)))

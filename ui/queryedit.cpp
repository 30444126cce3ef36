#include "queryedit.h"

#include "core/palette.h"

#include <QKeyEvent>
#include <QRegularExpression>

namespace rov::ui {

const QueryHighlighter::Formats &QueryHighlighter::formats()
{
    static const Formats formats = [] {
        Formats made;
        made.keyword.setForeground(QColor(QLatin1String(palette::kQueryKeyword)));
        made.keyword.setFontWeight(QFont::Bold);
        made.field.setForeground(QColor(QLatin1String(palette::kQueryField)));
        made.string.setForeground(QColor(QLatin1String(palette::kQueryString)));
        made.muted.setForeground(QColor(QLatin1String(palette::kChartNeutral)));
        made.operators = made.muted;
        made.operators.setFontWeight(QFont::Bold);
        made.comment = made.muted;
        made.comment.setFontItalic(true);
        return made;
    }();
    return formats;
}

void QueryHighlighter::paintMatches(const QString &text, const QRegularExpression &pattern,
                                    const QTextCharFormat &format)
{
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), format);
    }
}

QueryEdit::QueryEdit(QWidget *parent) : QPlainTextEdit(parent)
{
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
    setTabChangesFocus(true);
}

void QueryEdit::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        (event->modifiers() & Qt::ControlModifier)) {
        Q_EMIT runRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void QueryEdit::clearErrorMark()
{
    if (!extraSelections().isEmpty())
        setExtraSelections({});
}

void QueryEdit::markWordAt(const QTextCursor &at)
{
    QTextCursor mark = at;
    mark.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
    if (!mark.hasSelection())
        mark.movePosition(QTextCursor::PreviousCharacter, QTextCursor::KeepAnchor);
    QTextEdit::ExtraSelection selection;
    selection.cursor = mark;
    selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    selection.format.setUnderlineColor(QColor(QLatin1String(palette::kErrorText)));
    selection.format.setBackground(QColor(QLatin1String(palette::kErrorBackground)));
    const QSignalBlocker quiet(this);
    setExtraSelections({selection});
}

} // namespace rov::ui

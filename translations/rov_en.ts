<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>rov::ui::MainWindow</name>
    <message>
        <source>Ray on Vertex AI Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Ray clusters, develop on them, watch them and delete them, on this computer or on Google Cloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2
A desktop console for Ray clusters on Vertex AI.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

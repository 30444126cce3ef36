<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>rov::ui::MainWindow</name>
    <message>
        <source>Ray on Vertex AI Console</source>
        <translation>Vertex AI 上的 Ray 控制台</translation>
    </message>
    <message>
        <source>Create Ray clusters, develop on them, watch them and delete them, on this computer or on Google Cloud.</source>
        <translation>在本机或 Google Cloud 上创建 Ray 集群、在集群上开发、监控集群并删除集群。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>关于 %1</translation>
    </message>
    <message>
        <source>%1 %2
A desktop console for Ray clusters on Vertex AI.</source>
        <translation>%1 %2
Vertex AI 上 Ray 集群的桌面控制台。</translation>
    </message>
</context>
</TS>

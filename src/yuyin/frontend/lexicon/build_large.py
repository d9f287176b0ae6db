"""Regenerate :mod:`yuyin.frontend.lexicon.large` (a development tool, not imported at run time).

The table holds the readings of the large phrase dictionary of ``pypinyin-dict`` (data from
mozillazg/phrase-pinyin-data, MIT) that matter to us and that pypinyin's own small phrase
dictionary gets wrong, which keeps it about 6,000 lines instead of 400,000:

* only words that jieba can produce (they are in its dictionary, frequency >= 3), since g2p
  looks words up as jieba cuts them;
* only words with a polyphonic character whose reading differs from plain pypinyin's;
* minus :data:`REJECTED`, the entries a review found wrong or worse than pypinyin's.

Run with pypinyin-dict installed (``pip install pypinyin-dict==0.9.0``)::

    python -m yuyin.frontend.lexicon.build_large > src/yuyin/frontend/lexicon/large.py
"""

from __future__ import annotations

import os
import sys

# Reviewed and rejected: a wrong syllable, a literary reading where the common one is wanted,
# or a neutral tone lost where the standard word has one.
REJECTED = frozenset(
    "美的 老区 上去 衣冠 乌拉圭 查理 不予 混蛋 片名 影片 通红 尽可能 下载 处处 教学 教会 "
    "大王 只见 一发 干面 舍得 师兄弟 下调 分散 反弹 马尾松 门将 帖子 管子 股子 园子 屯子 金子 "
    "姥姥 伯伯 弟弟 尾巴 哑巴 疙瘩 蛤蟆 折腾 畜生 势头 骨头 意思 有意思 引着 为着 招待会 "
    "一天 一场 一个个 下一代 一点点 一百个 一般说来 第一流 一月份 流血 出血 劳动合同 合同法 不知为不知 "
    "奸同鬼蜮 那曲 那曲县 那曲地区 "
    "与世无争 于无声处 人有旦夕祸福 以身殉国 好吃好喝 好自为之 好高鹜远 如闻其声 如狼如虎 富商大贾 富商巨贾 "
    "敛声屏息 屏声静气 心细如发 拱手相让 抽丝剥茧 故伎重演 旧事重提 破镜重合 老调重弹 重作冯妇 旦夕之危 "
    "春秋笔法 是非曲直 累见不鲜 绿树成荫 林荫大道 赤诚相见 相差不多 真相毕露 钻木取火 浑水摸鱼 "
    "浓妆淡抹 浓装艳抹 烽火连年 焚香礼拜 瑶池玉液 祸及池鱼 私定终身 稳步前进 绕梁之音 衣冠济济 计出无奈 "
    "豆腐脑儿 走为上着 金石为开 隔三岔五 难割难舍 风土人情 龙吟虎啸 沉吟未决 为国为民 于心无愧 不稳定地 "
    "入土为安 切身体会 切中要害 相机行事 另当别论 只知其一 哭天嚎地 塞上江南 大吃大喝 夸下海口 妙龄女子 "
    "娉婷婀娜 开怀畅饮 心无挂碍 扼腕叹息 毛发倒竖 捐躯殉国 攻城掠地 星星之火 曲曲折折 曲水流觞 英语教学 "
    "以德报德 安于一隅 出入将相 十八层地 天不怕地 "
    # a syllable whose letters are no reading of its character (山坑 gang1, 干丝 qian2, 放恣 ci1)
    "一针一缐 七搭八搭 七断八续 东方千骑 乃我困汝 亢心憍气 以肉餧虎 养鹰飏去 兽迒鸟迹 刳精鉥心 割包 匪夷匪惠 十拏九稳 "
    "变态百出 古是今非 天之僇民 如水赴壑 官偪民反 尧年舜日 局高蹐厚 山坑 山砠水厓 干丝 干哑 干血浆 心如刀剉 "
    "恢恑憰怪 惊喜欲狂 感戴二天 折征 拿刀动杖 援古证今 摘瑕指瑜 撧耳揉腮 撧耳顿足 放恣 旧念复萌 枯枿朽株 欲谁归罪 "
    "死声咷气 死灰槁木 气吞虹蜺 清浑皁白 渊蜎蠖伏 游骑无归 点手莋脚 点指莋脚 烘云讬月 烦言碎辞 狼顾鸱跱 狼顾麕惊 猪卑狗险 "
    "白帢青衫 白干 百万买宅 祸近池鱼 离蔬释屩 离蔬释蹻 积土为山 竞今疏古 绝裙而去 耳报神 芝草无根 虚骄恃气 衒玉求售 "
    "衒玉自售 誓以皦日 諠客夺主 诗肠鼓吹 身无立锥 辩口利舌 进退迍邅 退步抽身 造谋布穽 鉥心刿肾 鉥肝刿肾 钓名沽誉 镂冰劚雪 "
    "镂心鉥肝 镂肝鉥肾 闭门墐户 闾阎安堵 附赘悬肬 震天价响 飘萍浪迹 飞遁鸣高 馈贫之粮 马日事变 骈首就僇 魂飞魄飏 鹬蚌持争 "
    "龙楼凤池 龙骧虎跱 安分守已 "
    # a tone that is none of the character's (受制于人 yu4, 泣下沾襟 qi3, 灰指甲 jia2, 法政 fa2)
    "一不做 乾闼婆 以狸饵鼠 倚门倚闾 充闾之庆 兔死凫举 兔起凫举 利齿伶牙 割须弃袍 匣里龙吟 匪匪翼翼 半丝半缕 博弈犹贤 "
    "卵覆鸟飞 受制于人 变炫无穷 哀毁瘠立 哗喇喇 忽喇喇 子曰诗云 寸铁在手 帘窥壁听 怨天忧人 戟指怒目 拥篲救火 掘井及泉 "
    "摆袖却金 救火投薪 文章憎命 昌亭之客 朴子 杜隙防微 析律舞文 染蓝涅皂 柳宠花迷 梵高 棕叶 榆木圪垯 毋宁死 "
    "汪洋恣肆 没亲没故 河梁之谊 法政 泣下沾襟 泣麟悲凤 浑名 灰指甲 烟霞痼疾 犯言直谏 狷介之士 目濡耳染 眄视指使 "
    "砭庸针俗 秋思 稳吃三注 缟纻之交 耳顺之年 膻味 茅茨土阶 虎生三子 虫鱼之学 蚁穴 袅袅娉娉 褎然居首 计无付之 "
    "诗云子曰 负驽前驱 跌脚搥胸 距跃三百 门闾之望 面如傅粉 驽箭离弦 鲁殿灵光 鸠居鹊巢 鸾歌凤吹 鹑居鷇饮 麾之即去 "
    # every syllable neutral in an idiom (浮光跃金 fu5 guang5 yue5 jin5)
    "导以取保 汲汲忙忙 浮光跃金 精义入神 蜗舍荆扉 言气卑弱 碧澄澄 "
    # 乌拉 of the Urals and of a cheer read wu4 la5, the boot (乌拉草 keeps it)
    "乌拉 乌拉尔山脉 乌拉尔河 "
    # neutral tones lost, or a wrong or literary syllable, in words of the 普通话水平测试 轻声词 (骨头 gu2 in
    # 啃骨头, 打转 zhuan3, 碰钉子 ding4 zi3, 卿大夫 dai4, 亲家母 jia1, 小子 zi3, 跑码头 tou2)
    "小子 死对头 啃骨头 有骨头 没骨头 轻骨头 打转 老婆子 御史大夫 卿大夫 三闾大夫 拜把子 一鼻子灰 亲家母 亲家公 "
    "亲家翁 脑袋瓜子 碰钉子 打肿脸充胖子 赶鸭子上架 行李卷 癞蛤蟆想吃天鹅肉 蛤蟆镜 马贩子 跑码头 水烟筒 赶浪头 "
    # 咳 of a cough read hai1, the sigh (干咳 gan1 hai1; pypinyin has ke2)
    "干咳 百日咳 呛咳 "
    # 遂 read sui2 as in 半身不遂 (毛遂 is sui4)
    "毛遂自荐 "
    # 曲沃 of Shanxi read qu3 wo4, the tune (地名 qu1 wo4)
    "曲沃 曲沃县".split()
)
_TONE_MARKS = {
    "ā": "a1", "á": "a2", "ǎ": "a3", "à": "a4", "ē": "e1", "é": "e2", "ě": "e3", "è": "e4",
    "ī": "i1", "í": "i2", "ǐ": "i3", "ì": "i4", "ō": "o1", "ó": "o2", "ǒ": "o3", "ò": "o4",
    "ū": "u1", "ú": "u2", "ǔ": "u3", "ù": "u4", "ǖ": "v1", "ǘ": "v2", "ǚ": "v3", "ǜ": "v4",
}  # fmt: skip


def tone3(marked: str) -> str:
    """``"zhōng"`` -> ``"zhong1"``, ``"zi"`` -> ``"zi5"``, ``"lǜ"`` -> ``"lv4"``."""
    tone, plain = "5", []
    for char in marked:
        if char in _TONE_MARKS:
            letter, tone = _TONE_MARKS[char][0], _TONE_MARKS[char][1]
            plain.append(letter)
        else:
            plain.append("v" if char == "ü" else char)
    return "".join(plain) + tone


def _jieba_words(min_freq: int) -> set[str]:
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as lines:
        return {w for w, f, *_ in (line.split() for line in lines) if int(f) >= min_freq}


def build(min_freq: int = 3) -> list[tuple[str, str]]:
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PINYIN_DICT
    from pypinyin_dict.phrase_pinyin_data import large_pinyin

    polyphonic = {chr(code) for code, readings in PINYIN_DICT.items() if "," in readings}
    jieba_words = _jieba_words(min_freq)
    rows = []
    for word, readings in large_pinyin.phrases_dict.items():
        if word in REJECTED or word not in jieba_words or len(readings) != len(word):
            continue
        if not any(char in polyphonic for char in word):
            continue
        wanted = [tone3(reading[0]) for reading in readings]
        plain = lazy_pinyin(word, style=Style.TONE3, neutral_tone_with_five=True)
        if wanted != plain:
            rows.append((word, " ".join(wanted)))
    return sorted(rows)


def main() -> None:
    rows = build()
    out = sys.stdout
    out.write('"""Generated by build_large.py from pypinyin-dict 0.9.0 (phrase-pinyin-data, MIT); ')
    out.write('do not edit.\n\nOne ``word<TAB>TONE3 syllables`` line per word; see build_large.py for what is kept.\n"""\n\n')
    out.write("TABLE = \"\"\"\\\n")
    out.writelines(f"{word}\t{syllables}\n" for word, syllables in rows)
    out.write('"""\n')


if __name__ == "__main__":
    main()
